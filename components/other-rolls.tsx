import Link from "next/link";
import { useTranslations } from "next-intl";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRandChange } from "@/lib/format/format-rand";
import { useFormat } from "@/lib/i18n/use-format";
import { propertyPath } from "@/lib/search-state/search-results";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";

type OtherRoll = ValuationDetailResponse["otherRolls"][number];

/** The same rate number on the other rolls, with the change in market value between them. */
export function OtherRolls({
  otherRolls,
  current,
  defaultRoll,
  rolls,
}: {
  otherRolls: OtherRoll[];
  current: { roll: RollId; rateNumber: string };
  defaultRoll: RollId;
  rolls: readonly RollOption[];
}) {
  const t = useTranslations("property.otherRolls");
  const format = useFormat();
  const changeText = (other: OtherRoll): string => {
    const { absolute, percent, from, to } = other.valueChange;
    if (absolute === null) return t("notComparable");
    const between = { from: rollLabel(rolls, from), to: rollLabel(rolls, to) };
    if (absolute === 0) return t("unchanged", between);
    return t("changed", { ...between, change: `${formatRandChange(absolute)}${percent !== null ? ` (${formatPercentChange(percent)})` : ""}` });
  };
  if (otherRolls.length === 0) return <p className="text-slate-800">{t("none")}</p>;
  return (
    <ul className="space-y-2" data-testid="other-rolls">
      {otherRolls.map((other) => (
        <li key={other.roll} className="rounded-md border border-slate-300 bg-white p-3">
          <p className="flex flex-wrap justify-between gap-x-3">
            <Link href={propertyPath({ rateNumber: current.rateNumber, roll: other.roll, titleType: other.titleType }, defaultRoll)} className="font-semibold text-blue-800 underline">
              {t("roll", { roll: rollLabel(rolls, other.roll) })}
            </Link>
            <span className="font-semibold tabular-nums">{format.rand(other.marketValue)}</span>
          </p>
          <p className="text-sm text-slate-800">
            {t("extent", { extent: format.extent(other.registeredExtent) })}
            {other.removedAt && ` · ${t("noLongerOnRoll")}`}
          </p>
          <p className="text-sm font-medium text-slate-900" data-testid="value-change">
            {changeText(other)}
          </p>
        </li>
      ))}
    </ul>
  );
}
