"use client";

import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { formatExtent } from "@/lib/format/format-extent";
import { formatRand } from "@/lib/format/format-rand";
import type { ResultRow } from "@/lib/search-state/search-results";

// The results as a table (wider screens): server-sorted, so the table only reports which column
// is sorted; every header is a button that asks for a new sort. The address column stays in view
// while the rest scrolls sideways.

const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, ResultRow>();

const columns = column.columns([
  column.accessor("address", {
    header: "Address",
    cell: (info) => (
      <Link href={info.row.original.href} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
        {info.getValue() || "No address"}
      </Link>
    ),
  }),
  column.accessor("rateNumber", {
    header: "Rate number",
    cell: (info) => (
      <span className="tabular-nums">
        {info.getValue()}
        {info.row.original.titleType === "sectional" && <span className="ml-1 text-xs text-slate-700">(sectional)</span>}
      </span>
    ),
  }),
  column.accessor("suburbName", { header: "Suburb" }),
  column.accessor("legalDescription", { header: "Legal description" }),
  column.accessor("useCode", {
    header: "Use",
    cell: (info) => (info.getValue() === null ? "—" : `${info.row.original.useDescription ?? "Use"} (${info.getValue()})`),
  }),
  column.accessor("ratingCategory", { header: "Rating category", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("marketValue", { header: "Market value", cell: (info) => formatRand(info.getValue()) }),
  column.accessor("registeredExtent", { header: "Extent", cell: (info) => formatExtent(info.getValue()) }),
]);

/** Column id → the API's sort field. */
const SORT_FIELD: Record<string, string> = {
  address: "address",
  rateNumber: "rateNumber",
  suburbName: "suburbName",
  legalDescription: "legalDescription",
  useCode: "useCode",
  ratingCategory: "ratingCategory",
  marketValue: "marketValue",
  registeredExtent: "registeredExtent",
};
const NUMERIC = new Set(["marketValue", "registeredExtent"]);

function toSortingState(sort: string): SortingState {
  if (sort === "relevance") return [];
  const desc = sort.startsWith("-");
  const field = desc ? sort.slice(1) : sort;
  const id = Object.keys(SORT_FIELD).find((key) => SORT_FIELD[key] === field);
  return id ? [{ id, desc }] : [];
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  const path = direction === "asc" ? "M6 3l4 6H2z" : direction === "desc" ? "M6 9L2 3h8z" : "M6 1.5l3 4H3zM6 10.5l-3-4h6z";
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={`h-3 w-3 shrink-0 ${direction ? "text-slate-950" : "text-slate-500"}`} fill="currentColor">
      <path d={path} />
    </svg>
  );
}

export function ResultsTable({
  rows,
  sort,
  caption,
  onSort,
}: {
  rows: ResultRow[];
  /** The sort in force ("-marketValue", "relevance"). */
  sort: string;
  caption: string;
  onSort: (field: string) => void;
}) {
  const sorting = useMemo(() => toSortingState(sort), [sort]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.key,
    state: { sorting },
    manualSorting: true,
  });

  return (
    <div role="region" aria-label="Results table" tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, index) => {
                const direction = header.column.getIsSorted();
                const field = SORT_FIELD[header.column.id] ?? header.column.id;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                    className={`whitespace-nowrap border-b border-slate-300 px-3 py-1 font-semibold text-slate-900 ${
                      index === 0 ? "sticky left-0 z-10 bg-slate-100" : ""
                    } ${NUMERIC.has(header.column.id) ? "text-right" : ""}`}
                  >
                    <button
                      type="button"
                      onClick={() => onSort(field)}
                      className={`inline-flex min-h-9 items-center gap-1 rounded px-1 hover:underline ${NUMERIC.has(header.column.id) ? "flex-row-reverse" : ""}`}
                    >
                      <table.FlexRender header={header} />
                      <SortIcon direction={direction} />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-rate-number={row.original.rateNumber} className="group border-b border-slate-200 last:border-b-0 hover:bg-blue-50">
              {row.getAllCells().map((cell, index) => (
                <td
                  key={cell.id}
                  className={`px-3 py-2 align-top ${index === 0 ? "sticky left-0 min-w-48 max-w-64 bg-white group-hover:bg-blue-50" : ""} ${
                    NUMERIC.has(cell.column.id) ? "whitespace-nowrap text-right tabular-nums" : ""
                  }`}
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
