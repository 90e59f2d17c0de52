import Link from "next/link";
import type { ObjectionHelper as Helper } from "@/lib/objections/load-objection-helper";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { ComparablesTable } from "./comparables-table";
import { ObjectionFactsList } from "./objection-facts-list";
import { ValuePerM2Strip } from "./value-per-m2-strip";

// The property page's objection helper: where the value stands among comparable properties of the
// roll, the objection facts we were given, and a printable summary.

type Props = { helper: Helper; roll: RollId; rolls: readonly RollOption[]; defaultRoll: RollId; printHref: string };

export function ObjectionHelper({ helper, roll, rolls, defaultRoll, printHref }: Props) {
  const { comparables } = helper;
  const previousRollLabel = comparables?.previousRoll ? rollLabel(rolls, comparables.previousRoll) : null;
  const perM2 = comparables?.comparables.map((c) => c.valuePerM2).filter((value): value is number => value !== null) ?? [];
  return (
    <section aria-labelledby="objection-heading" className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="objection-helper">
      <h2 id="objection-heading" className="text-xl font-semibold text-slate-950">
        Thinking of objecting to this value?
      </h2>
      {comparables === null || comparables.comparables.length === 0 ? (
        <p className="text-slate-800">No comparable property is on the roll: same scheme, or same suburb and use.</p>
      ) : (
        <>
          <p className="text-slate-800">Compared with {comparables.basis.description}:</p>
          <ul className="ml-5 list-disc space-y-1 text-slate-950" data-testid="standing">
            {comparables.standing.summary.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          {comparables.property.valuePerM2 !== null && perM2.length > 0 && <ValuePerM2Strip own={comparables.property.valuePerM2} others={perM2} />}
          <ComparablesTable comparables={comparables.comparables} roll={roll} defaultRoll={defaultRoll} previousRollLabel={previousRollLabel} />
        </>
      )}
      <h3 className="text-lg font-semibold text-slate-950">Objecting to the {rollLabel(rolls, roll)} roll</h3>
      <ObjectionFactsList facts={helper.facts} periodState={helper.periodState} rollLabel={rollLabel(rolls, roll)} />
      <p className="text-sm text-slate-800">
        These figures come from the roll itself; they are not a valuation. <Link href={printHref} className="font-medium text-blue-800 underline">Printable summary for an objection</Link>
      </p>
    </section>
  );
}
