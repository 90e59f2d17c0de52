import Link from "next/link";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { formatExtent } from "@/lib/format/format-extent";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand, formatRandChange } from "@/lib/format/format-rand";
import { propertyPath } from "@/lib/search-state/search-results";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";

type OtherRoll = ValuationDetailResponse["otherRolls"][number];

function changeText(other: OtherRoll, rolls: readonly RollOption[]): string {
  const { absolute, percent, from, to } = other.valueChange;
  if (absolute === null) return "Not comparable (a value is missing)";
  if (absolute === 0) return `Unchanged from ${rollLabel(rolls, from)} to ${rollLabel(rolls, to)}`;
  return `${formatRandChange(absolute)}${percent !== null ? ` (${formatPercentChange(percent)})` : ""} from ${rollLabel(rolls, from)} to ${rollLabel(rolls, to)}`;
}

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
  if (otherRolls.length === 0) return <p className="text-slate-800">This rate number is not on any other roll we hold.</p>;
  return (
    <ul className="space-y-2" data-testid="other-rolls">
      {otherRolls.map((other) => (
        <li key={other.roll} className="rounded-md border border-slate-300 bg-white p-3">
          <p className="flex flex-wrap justify-between gap-x-3">
            <Link href={propertyPath({ rateNumber: current.rateNumber, roll: other.roll, titleType: other.titleType }, defaultRoll)} className="font-semibold text-blue-800 underline">
              {rollLabel(rolls, other.roll)} roll
            </Link>
            <span className="font-semibold tabular-nums">{formatRand(other.marketValue)}</span>
          </p>
          <p className="text-sm text-slate-800">
            Extent {formatExtent(other.registeredExtent)}
            {other.removedAt && " · no longer on that roll"}
          </p>
          <p className="text-sm font-medium text-slate-900" data-testid="value-change">
            {changeText(other, rolls)}
          </p>
        </li>
      ))}
    </ul>
  );
}
