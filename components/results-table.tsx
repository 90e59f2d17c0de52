"use client";

import type { SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { formatExtent } from "@/lib/format/format-extent";
import { formatRand } from "@/lib/format/format-rand";
import type { ResultRow } from "@/lib/search-state/search-results";
import { DataTable, dataTableColumns } from "./data-table";

// The results as a table (wider screens), sorted by the server: each header's button asks for a
// new sort. Every column fits from 1024 px: the long texts wrap, the rating category shows from
// 1280 px (the use says most of it).

const column = dataTableColumns<ResultRow>();

const columns = column.columns([
  column.accessor("address", {
    header: "Address",
    meta: { className: "min-w-36 max-w-56 break-words" },
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
        {info.row.original.titleType === "sectional" && <span className="block text-xs text-slate-700">(sectional)</span>}
      </span>
    ),
  }),
  column.accessor("suburbName", { header: "Suburb", meta: { className: "break-words" } }),
  column.accessor("legalDescription", { header: "Legal description", meta: { className: "min-w-32 break-words" } }),
  column.accessor("useCode", {
    header: "Use",
    cell: (info) => (info.getValue() === null ? "—" : `${info.row.original.useDescription ?? "Use"} (${info.getValue()})`),
  }),
  column.accessor("ratingCategory", { header: "Rating category", meta: { className: "hidden xl:table-cell" }, cell: (info) => info.getValue() ?? "—" }),
  column.accessor("marketValue", { header: "Market value", meta: { numeric: true }, cell: (info) => formatRand(info.getValue()) }),
  column.accessor("registeredExtent", { header: "Extent", meta: { numeric: true }, cell: (info) => formatExtent(info.getValue()) }),
]);

/** The API's sort ("-marketValue") as the table's sorting state; the column ids are the API's sort fields. */
function toSortingState(sort: string): SortingState {
  if (sort === "relevance") return [];
  const desc = sort.startsWith("-");
  const id = desc ? sort.slice(1) : sort;
  return columns.some((candidate) => candidate.id === id || ("accessorKey" in candidate && candidate.accessorKey === id)) ? [{ id, desc }] : [];
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
  /** A column's sort button was pressed: its id is the API's sort field. */
  onSort: (field: string) => void;
}) {
  const sorting = useMemo(() => toSortingState(sort), [sort]);
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowId={(row) => row.key}
      rowData={(row) => ({ "data-rate-number": row.rateNumber })}
      serverSort={{ sorting, onSort }}
    />
  );
}
