"use client";

import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { formatNumber } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";

export type StatsTableRow = {
  key: string;
  label: string;
  href: string;
  count: number;
  valued: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
};

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const column = createColumnHelper<typeof features, StatsTableRow>();
const money = (info: { getValue: () => number | null }) => formatRand(info.getValue());

function buildColumns(groupLabel: string) {
  return column.columns([
    column.accessor("label", {
      header: groupLabel,
      sortFn: "alphanumeric",
      cell: (info) => (
        <Link href={info.row.original.href} className="text-blue-800 underline">
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor("count", { header: "Properties", sortFn: "basic", cell: (info) => formatNumber(info.getValue()) }),
    column.accessor("min", { header: "Lowest", sortFn: "basic", sortUndefined: "last", cell: money }),
    column.accessor("q1", { header: "First quartile", sortFn: "basic", sortUndefined: "last", cell: money }),
    column.accessor("median", { header: "Median", sortFn: "basic", sortUndefined: "last", cell: money }),
    column.accessor("q3", { header: "Third quartile", sortFn: "basic", sortUndefined: "last", cell: money }),
    column.accessor("max", { header: "Highest", sortFn: "basic", sortUndefined: "last", cell: money }),
  ]);
}

/** Every group's figures; each header is a button that sorts by its column, again to reverse. */
export function StatsTable({ caption, groupLabel, rows, testId }: { caption: string; groupLabel: string; rows: StatsTableRow[]; testId?: string }) {
  const [columns] = useState(() => buildColumns(groupLabel));
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.key,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
  });

  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white" data-testid={testId}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, index) => {
                const direction = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                    className={`whitespace-nowrap border-b border-slate-300 px-2 py-1 font-semibold ${index === 0 ? "sticky left-0 bg-slate-100" : "text-right"}`}
                  >
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex min-h-9 items-center gap-1 rounded px-1 hover:underline">
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="text-slate-600">
                        {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="group border-b border-slate-200 last:border-b-0" data-key={row.original.key}>
              {row.getAllCells().map((cell, index) => (
                <td
                  key={cell.id}
                  data-column={cell.column.id}
                  className={`px-3 py-1.5 ${index === 0 ? "sticky left-0 min-w-36 bg-white" : "whitespace-nowrap text-right tabular-nums"}`}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
