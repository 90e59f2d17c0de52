"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormat } from "@/lib/i18n/use-format";
import type { Formatter } from "@/lib/i18n/formatter";
import type { PropertyRoll } from "@/lib/roll-changes/property-rolls";
import type { RollId } from "@/lib/rolls/roll-id";
import { propertyPath } from "@/lib/search-state/search-results";
import { DataTable, dataTableColumns } from "./data-table";

// The table of a property's value on every roll, in the browser; its words come translated from
// RollValues (roll-values.tsx), which renders it.

/** A roll's row with its words: the roll's label (the registry's), how it is linked to the property, and the change from the roll before. */
export type RollValuesRow = PropertyRoll & { rollLabel: string; note: string; changeText: string };

export type RollValuesLabels = { caption: string; roll: string; property: string; marketValue: string; ratingCategory: string; change: string };

const column = dataTableColumns<RollValuesRow>();

function buildColumns(defaultRoll: RollId, labels: RollValuesLabels, format: Formatter) {
  return column.columns([
    column.accessor("rollLabel", { id: "roll", header: labels.roll, enableSorting: false, meta: { className: "font-semibold" } }),
    column.accessor("legalDescription", {
      header: labels.property,
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
            <span className="block text-xs text-slate-700">{entry.note}</span>
          </>
        );
      },
    }),
    column.accessor("marketValue", { header: labels.marketValue, enableSorting: false, meta: { numeric: true }, cell: (info) => format.rand(info.getValue()) }),
    column.accessor("ratingCategory", { header: labels.ratingCategory, enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("changeText", { id: "change", header: labels.change, enableSorting: false, meta: { className: "tabular-nums" } }),
  ]);
}

export function RollValuesTable({ rows, defaultRoll, labels }: { rows: RollValuesRow[]; defaultRoll: RollId; labels: RollValuesLabels }) {
  const format = useFormat();
  const [columns] = useState(() => buildColumns(defaultRoll, labels, format));
  return (
    <DataTable
      caption={labels.caption}
      columns={columns}
      rows={rows}
      rowId={(entry) => `${entry.roll}-${entry.titleType}-${entry.rateNumber}`}
      rowData={(entry) => ({ "data-roll": entry.roll, "data-value": String(entry.marketValue ?? ""), "data-change": String(entry.change?.absolute ?? "") })}
      testId="roll-values"
    />
  );
}
