import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ObjectionHelper as Helper } from "@/lib/objections/load-objection-helper";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { ComparablesTable } from "./comparables-table";
import { ObjectionFactsList } from "./objection-facts-list";
import { ValuePerM2Strip } from "./value-per-m2-strip";

// The property page's objection helper: where the value stands among comparable properties of the
// roll, the objection facts we were given, and a printable summary.

type Props = { helper: Helper; roll: RollId; rolls: readonly RollOption[]; defaultRoll: RollId; printHref: string };

export function ObjectionHelper({ helper, roll, rolls, defaultRoll, printHref }: Props) {
  const t = useTranslations("objection");
  const { comparables, wording } = helper;
  const previousRollLabel = comparables?.previousRoll ? rollLabel(rolls, comparables.previousRoll) : null;
  const perM2 = comparables?.comparables.map((c) => c.valuePerM2).filter((value): value is number => value !== null) ?? [];
  const standing = wording?.standing.map((sentence) => t(sentence.key, sentence.values)) ?? [];
  return (
    <section aria-labelledby="objection-heading" className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="objection-helper">
      <h2 id="objection-heading" className="text-xl font-semibold text-slate-950">
        {t("helper.heading")}
      </h2>
      {comparables === null || wording === null || comparables.comparables.length === 0 ? (
        <p className="text-slate-800">{t("helper.noComparables")}</p>
      ) : (
        <>
          <p className="text-slate-800">{t("helper.comparedWith", { basis: t(wording.basis.key, wording.basis.values) })}</p>
          <ul className="ml-5 list-disc space-y-1 text-slate-950" data-testid="standing">
            {standing.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          {comparables.property.valuePerM2 !== null && perM2.length > 0 && <ValuePerM2Strip own={comparables.property.valuePerM2} others={perM2} />}
          <ComparablesTable comparables={comparables.comparables} roll={roll} defaultRoll={defaultRoll} previousRollLabel={previousRollLabel} />
        </>
      )}
      <h3 className="text-lg font-semibold text-slate-950">{t("helper.objectingTo", { roll: rollLabel(rolls, roll) })}</h3>
      <ObjectionFactsList facts={helper.facts} periodState={helper.periodState} rollLabel={rollLabel(rolls, roll)} />
      <p className="text-sm text-slate-800">
        {t.rich("helper.notAValuation", {
          link: (chunks) => (
            <Link href={printHref} className="font-medium text-blue-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
