"use client";

import Link from "next/link";
import { useState } from "react";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand, formatRandChange } from "@/lib/format/format-rand";
import type { PropertyRoll } from "@/lib/roll-changes/property-rolls";
import { rollLabelOf } from "@/lib/roll-links/roll-order";
import type { RollId } from "@/lib/rolls/roll-id";
import { propertyPath } from "@/lib/search-state/search-results";
import { DataTable, dataTableColumns } from "./data-table";

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

const column = dataTableColumns<PropertyRoll>();

function buildColumns(defaultRoll: RollId) {
  return column.columns([
    column.accessor("roll", { header: "Roll", enableSorting: false, meta: { className: "font-semibold" }, cell: (info) => rollLabelOf(info.getValue()) }),
    column.accessor("legalDescription", {
      header: "Property",
      enableSorting: false,
      meta: { className: "min-w-40 break-words" },
      cell: (info) => {
        const entry = info.row.original;
        return (
          <>
            {entry.linkedBy === "this-property" ? (
              <span>{entry.legalDescription}</span>
            ) : (
              <Link href={propertyPath({ rateNumber: entry.rateNumber, roll: entry.roll, titleType: entry.titleType }, defaultRoll)} className="text-blue-800 underline">
                {entry.legalDescription}
              </Link>
            )}
            <span className="block text-xs text-slate-700">
              {HOW[entry.linkedBy]} · rate number {entry.rateNumber}
              {entry.removedAt && " · no longer on that roll"}
            </span>
          </>
        );
      },
    }),
    column.accessor("marketValue", { header: "Market value", enableSorting: false, meta: { numeric: true }, cell: (info) => formatRand(info.getValue()) }),
    column.accessor("ratingCategory", { header: "Rating category", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
    column.accessor(changeText, { id: "change", header: "Change", enableSorting: false, meta: { className: "tabular-nums" } }),
  ]);
}

/** The property's value and category on every roll, oldest first, with the change from the roll before. */
export function RollValues({ rolls, defaultRoll }: { rolls: PropertyRoll[]; defaultRoll: RollId }) {
  const [columns] = useState(() => buildColumns(defaultRoll));
  return (
    <DataTable
      caption="Market value and rating category on each valuation roll"
      columns={columns}
      rows={rolls}
      rowId={(entry) => `${entry.roll}-${entry.titleType}-${entry.rateNumber}`}
      rowData={(entry) => ({ "data-roll": entry.roll, "data-value": String(entry.marketValue ?? ""), "data-change": String(entry.change?.absolute ?? "") })}
      testId="roll-values"
    />
  );
}
