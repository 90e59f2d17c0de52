"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormat } from "@/lib/i18n/use-format";
import type { Formatter } from "@/lib/i18n/formatter";
import type { StatsTableRow } from "@/lib/suburbs/stats-rows";
import { DataTable, dataTableColumns } from "./data-table";

// Every group's figures, sorted in the browser: each header's button sorts by its column, again
// to reverse. The headers come translated from the server (the page's catalogue stays there).

/** The headers of the figures' columns, in the page's language. */
export type StatsTableHeaders = { count: string; min: string; q1: string; median: string; q3: string; max: string };

const column = dataTableColumns<StatsTableRow>();
const figure = { numeric: true };

function buildColumns(groupLabel: string, headers: StatsTableHeaders, format: Formatter) {
  const money = (info: { getValue: () => number | null }) => format.rand(info.getValue());
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
    column.accessor("count", { header: headers.count, sortFn: "basic", meta: figure, cell: (info) => format.number(info.getValue()) }),
    column.accessor("min", { header: headers.min, sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("q1", { header: headers.q1, sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("median", { header: headers.median, sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("q3", { header: headers.q3, sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
    column.accessor("max", { header: headers.max, sortFn: "basic", sortUndefined: "last", meta: figure, cell: money }),
  ]);
}

export function StatsTable({
  caption,
  groupLabel,
  headers,
  rows,
  testId,
}: {
  caption: string;
  groupLabel: string;
  headers: StatsTableHeaders;
  rows: StatsTableRow[];
  testId?: string;
}) {
  const format = useFormat();
  const [columns] = useState(() => buildColumns(groupLabel, headers, format));
  return <DataTable caption={caption} columns={columns} rows={rows} rowId={(row) => row.key} rowData={(row) => ({ "data-key": row.key })} testId={testId} />;
}
