import Link from "next/link";
import { ChangeShareBar } from "@/components/change-share-bar";
import { rollLabelOf, type RollId } from "@/lib/roll-links/roll-order";
import type { SuburbChanges } from "@/lib/suburbs/load-suburb-changes";

/** The suburb's change in values against another roll (chosen by `?against=`), and the choice. */
export function SuburbChangesSection({ name, roll, hrefFor, changes }: { name: string; roll: RollId; hrefFor: (against: RollId | null) => string; changes: SuburbChanges }) {
  if (changes.others.length === 0) return null;
  return (
    <section aria-labelledby="changes-heading" className="space-y-3">
      <h2 id="changes-heading" className="text-xl font-semibold text-slate-950">
        Change between rolls
      </h2>
      <nav aria-label="Compare with another roll" className="flex flex-wrap gap-3 text-sm">
        {changes.others.map((other) =>
          other === changes.against ? (
            <span key={other} aria-current="page" className="font-semibold">
              Against {rollLabelOf(other)}
            </span>
          ) : (
            <Link key={other} href={hrefFor(other)} className="text-blue-800 underline">
              Compare with {rollLabelOf(other)}
            </Link>
          ),
        )}
      </nav>
      {changes.against !== null && changes.change !== null && (
        <>
          <ChangeShareBar title={`Change in market value in ${name}, ${rollLabelOf(roll)} against ${rollLabelOf(changes.against)}`} change={changes.change} />
          <p className="text-sm">
            <a href={`/api/changes?roll=${roll}&against=${changes.against}&suburb=${encodeURIComponent(name)}&format=csv`} className="text-blue-800 underline">
              Every property&apos;s change in {name} (CSV)
            </a>{" "}
            ·{" "}
            <Link href={`/changes/${roll}/${changes.against}`} className="text-blue-800 underline">
              All suburbs
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
