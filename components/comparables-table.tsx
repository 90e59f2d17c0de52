import Link from "next/link";
import type { Roll } from "@/lib/config";
import type { Comparable } from "@/lib/comparables/comparables-schema";
import { formatExtent } from "@/lib/format/format-extent";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import { propertyPath } from "@/lib/search-state/search-results";

// The comparables, one row each, as a resident would set them out in an objection.

type Props = { comparables: Comparable[]; roll: Roll; defaultRoll: Roll; previousRollLabel: string | null; linked?: boolean };

export function ComparablesTable({ comparables, roll, defaultRoll, previousRollLabel, linked = true }: Props) {
  return (
    <table className="w-full text-left text-sm tabular-nums print:text-[8pt]" data-testid="comparables">
      <caption className="sr-only">Comparable properties, nearest in extent first</caption>
      <thead className="border-b border-slate-300">
        <tr>
          <th scope="col" className="p-1 print:py-0">Property</th>
          <th scope="col" className="p-1 print:py-0 text-right">Market value</th>
          <th scope="col" className="p-1 print:py-0 text-right">Extent</th>
          <th scope="col" className="p-1 print:py-0 text-right">Per m²</th>
          {previousRollLabel && <th scope="col" className="p-1 print:py-0 text-right">Since {previousRollLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {comparables.map((comparable) => {
          const name = comparable.sectionNumber ? `Section ${comparable.sectionNumber} · ${comparable.rateNumber}` : `${comparable.rateNumber} · ${comparable.address || comparable.legalDescription}`;
          return (
            <tr key={`${comparable.titleType}-${comparable.rateNumber}`} className="border-b border-slate-100" data-rate-number={comparable.rateNumber}>
              <td className="p-1 print:py-0">
                {linked ? (
                  <Link href={propertyPath({ ...comparable, roll }, defaultRoll)} className="text-blue-800 underline">
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </td>
              <td className="p-1 print:py-0 text-right whitespace-nowrap">{formatRand(comparable.marketValue)}</td>
              <td className="p-1 print:py-0 text-right whitespace-nowrap">{comparable.registeredExtent === null ? "–" : formatExtent(comparable.registeredExtent)}</td>
              <td className="p-1 print:py-0 text-right whitespace-nowrap">{comparable.valuePerM2 === null ? "–" : formatRand(Math.round(comparable.valuePerM2))}</td>
              {previousRollLabel && <td className="p-1 print:py-0 text-right whitespace-nowrap">{comparable.changePercent === null ? "–" : formatPercentChange(comparable.changePercent)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
