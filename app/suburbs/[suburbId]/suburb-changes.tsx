import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChangeShareBar } from "@/components/change-share-bar";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import type { SuburbChanges } from "@/lib/suburbs/load-suburb-changes";

/** The suburb's change in values against another roll (chosen by `?against=`), and the choice. */
export function SuburbChangesSection({
  name,
  roll,
  rolls,
  hrefFor,
  changes,
}: {
  name: string;
  roll: RollId;
  /** The registry's rolls, for their labels. */
  rolls: RollOption[];
  hrefFor: (against: RollId | null) => string;
  changes: SuburbChanges;
}) {
  const t = useTranslations("suburbs.changes");
  const rollLabelOf = (id: RollId) => rollLabel(rolls, id);
  if (changes.others.length === 0) return null;
  return (
    <section aria-labelledby="changes-heading" className="space-y-3">
      <h2 id="changes-heading" className="text-xl font-semibold text-slate-950">
        {t("heading")}
      </h2>
      <nav aria-label={t("nav")} className="flex flex-wrap gap-3 text-sm">
        {changes.others.map((other) =>
          other === changes.against ? (
            <span key={other} aria-current="page" className="font-semibold">
              {t("current", { roll: rollLabelOf(other) })}
            </span>
          ) : (
            <Link key={other} href={hrefFor(other)} className="text-blue-800 underline">
              {t("compare", { roll: rollLabelOf(other) })}
            </Link>
          ),
        )}
      </nav>
      {changes.against !== null && changes.change !== null && (
        <>
          <ChangeShareBar title={t("chartTitle", { name, roll: rollLabelOf(roll), against: rollLabelOf(changes.against) })} change={changes.change} />
          <p className="text-sm">
            <a href={`/api/changes?roll=${roll}&against=${changes.against}&suburb=${encodeURIComponent(name)}&format=csv`} className="text-blue-800 underline">
              {t("csv", { name })}
            </a>{" "}
            ·{" "}
            <Link href={`/changes/${roll}/${changes.against}`} className="text-blue-800 underline">
              {t("allSuburbs")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
