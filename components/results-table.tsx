"use client";

import type { SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatterFor, type Formatter } from "@/lib/i18n/formatter";
import type { ResultRow } from "@/lib/search-state/search-results";
import type { SortFieldName } from "@/lib/valuations/sort-fields";
import { DataTable, dataTableColumns } from "./data-table";

// The results as a table (wider screens), sorted by the server: each header's button asks for a
// new sort. Every column fits from 1024 px: the long texts wrap, the rating category shows from
// 1280 px (the use says most of it).

const column = dataTableColumns<ResultRow>();

/** The columns, in the page's language; their ids are the API's sort fields. */
function resultColumns(t: ReturnType<typeof useTranslations<"search.columns">>, format: Formatter) {
  return column.columns([
    column.accessor("address", {
      header: t("address"),
      meta: { className: "min-w-36 max-w-56 break-words" },
      cell: (info) => (
        <Link href={info.row.original.href} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
          {info.getValue() || t("noAddress")}
        </Link>
      ),
    }),
    column.accessor("rateNumber", {
      header: t("rateNumber"),
      cell: (info) => (
        <span className="tabular-nums">
          {info.getValue()}
          {info.row.original.titleType === "sectional" && <span className="block text-xs text-slate-700">{t("sectional")}</span>}
        </span>
      ),
    }),
    column.accessor("suburbName", { header: t("suburb"), meta: { className: "break-words" } }),
    column.accessor("legalDescription", { header: t("legalDescription"), meta: { className: "min-w-32 break-words" } }),
    column.accessor("useCode", {
      header: t("use"),
      cell: (info) => {
        const code = info.getValue();
        return code === null ? "—" : t("useWithCode", { use: info.row.original.useDescription ?? t("useUnnamed"), code: String(code) });
      },
    }),
    column.accessor("ratingCategory", { header: t("ratingCategory"), meta: { className: "hidden xl:table-cell" }, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("marketValue", { header: t("marketValue"), meta: { numeric: true }, cell: (info) => format.rand(info.getValue()) }),
    column.accessor("registeredExtent", { header: t("extent"), meta: { numeric: true }, cell: (info) => format.extent(info.getValue()) }),
  ]);
}

/** The columns a sort can name (their ids). */
const SORTABLE: ReadonlySet<string> = new Set([
  "address",
  "rateNumber",
  "suburbName",
  "legalDescription",
  "useCode",
  "ratingCategory",
  "marketValue",
  "registeredExtent",
] satisfies SortFieldName[]);

/** The API's sort ("-marketValue") as the table's sorting state; the column ids are the API's sort fields. */
function toSortingState(sort: string): SortingState {
  if (sort === "relevance") return [];
  const desc = sort.startsWith("-");
  const id = desc ? sort.slice(1) : sort;
  return SORTABLE.has(id) ? [{ id, desc }] : [];
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
  const t = useTranslations("search.columns");
  const locale = useLocale();
  const columns = useMemo(() => resultColumns(t, formatterFor(locale)), [t, locale]);
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
