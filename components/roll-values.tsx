import Link from "next/link";
import type { RollId } from "@/lib/rolls/roll-id";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand, formatRandChange } from "@/lib/format/format-rand";
import type { PropertyRoll } from "@/lib/roll-changes/property-rolls";
import { rollLabelOf } from "@/lib/roll-links/roll-order";
import { propertyPath } from "@/lib/search-state/search-results";

const HOW: Record<PropertyRoll["linkedBy"], string> = {
  "this-property": "This property",
  "rate-number": "Same rate number",
  "same-rate-number": "Same rate number",
  "legal-description": "Same land, new rate number",
  subdivision: "Subdivided: one of the pieces",
  consolidation: "Consolidated: one of the pieces",
  scheme: "Sectional scheme built on the erf",
};

function changeText(entry: PropertyRoll): string {
  if (entry.change === null) return "—";
  const { absolute, percent, from } = entry.change;
  if (absolute === 0) return `Unchanged since ${rollLabelOf(from)}`;
  return `${formatRandChange(absolute)}${percent !== null ? ` (${formatPercentChange(percent)})` : ""} since ${rollLabelOf(from)}`;
}

/** The property's value and category on every roll, oldest first, with the change from the roll before. */
export function RollValues({ rolls, defaultRoll }: { rolls: PropertyRoll[]; defaultRoll: RollId }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="w-full text-left text-sm" data-testid="roll-values">
        <caption className="sr-only">Market value and rating category on each valuation roll</caption>
        <thead className="bg-slate-100 text-slate-900">
          <tr>
            <th scope="col" className="px-3 py-2">Roll</th>
            <th scope="col" className="px-3 py-2">Property</th>
            <th scope="col" className="px-3 py-2 text-right">Market value</th>
            <th scope="col" className="px-3 py-2">Rating category</th>
            <th scope="col" className="px-3 py-2">Change</th>
          </tr>
        </thead>
        <tbody>
          {rolls.map((entry) => (
            <tr key={`${entry.roll}-${entry.titleType}-${entry.rateNumber}`} className="border-t border-slate-200" data-roll={entry.roll} data-value={entry.marketValue ?? ""} data-change={entry.change?.absolute ?? ""}>
              <th scope="row" className="px-3 py-2 font-semibold">{rollLabelOf(entry.roll)}</th>
              <td className="px-3 py-2">
                {entry.linkedBy === "this-property" ? (
                  <span>{entry.legalDescription}</span>
                ) : (
                  <Link href={propertyPath({ rateNumber: entry.rateNumber, roll: entry.roll as RollId, titleType: entry.titleType }, defaultRoll)} className="text-blue-800 underline">
                    {entry.legalDescription}
                  </Link>
                )}
                <span className="block text-xs text-slate-700">
                  {HOW[entry.linkedBy]} · rate number {entry.rateNumber}
                  {entry.removedAt && " · no longer on that roll"}
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatRand(entry.marketValue)}</td>
              <td className="px-3 py-2">{entry.ratingCategory ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">{changeText(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
