"use client";

import Link from "next/link";
import { useState } from "react";
import { formatNumber } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import type { StatsTableRow } from "@/lib/suburbs/stats-rows";
import { DataTable, dataTableColumns } from "./data-table";

// Every group's figures, sorted in the browser: each header's button sorts by its column, again
// to reverse.

const column = dataTableColumns<StatsTableRow>();
const money = (info: { getValue: () => number | null }) => formatRand(info.getValue());
const figure = { numeric: true };

function buildColumns(groupLabel: string) {
  return column.columns([
    column.accessor("label", {
      header: groupLabel,
      sortFn: "alphanumeric",
      meta: { className: "min-w-32 break-words" },
      cell: (info) => (
        <Link href={info.row.original.href} className="text-blue-800 underline">
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor("count", { header: "Properties", sortFn: "basic", meta: figure, cell: (info) => formatNumber(info.getValue()) }),
    column.accessor("min", { header: "Lowest", sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("q1", { header: "First quartile", sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("median", { header: "Median", sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("q3", { header: "Third quartile", sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("max", { header: "Highest", sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
  ]);
}

export function StatsTable({ caption, groupLabel, rows, testId }: { caption: string; groupLabel: string; rows: StatsTableRow[]; testId?: string }) {
  const [columns] = useState(() => buildColumns(groupLabel));
  return <DataTable caption={caption} columns={columns} rows={rows} rowId={(row) => row.key} rowData={(row) => ({ "data-key": row.key })} testId={testId} />;
}
