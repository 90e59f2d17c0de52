"use client";

import Link from "next/link";
import { useState } from "react";
import type { RollId } from "@/lib/rolls/roll-id";
import type { Comparable } from "@/lib/comparables/comparables-schema";
import { comparableKey } from "@/lib/comparables/comparable-key";
import { formatPercentChange } from "@/lib/format/format-number";
import { useFormat } from "@/lib/i18n/use-format";
import type { Formatter } from "@/lib/i18n/formatter";
import { propertyPath } from "@/lib/search-state/search-results";
import { DataTable, dataTableColumns } from "./data-table";

// The comparables table in the browser (sorted there by any column); its words come translated
// from ComparablesTable (comparables-table.tsx), which renders it.

export type ComparablesTableLabels = {
  caption: string;
  property: string;
  marketValue: string;
  extent: string;
  perM2: string;
  /** "Since GV 2017"; null without a previous roll. */
  since: string | null;
};

export type ComparablesDataTableProps = {
  comparables: Comparable[];
  /** Each comparable's name as the first column shows it, by comparableKey. */
  names: Record<string, string>;
  labels: ComparablesTableLabels;
  roll: RollId;
  defaultRoll: RollId;
  linked: boolean;
};

const column = dataTableColumns<Comparable>();
const figure = { numeric: true };
const orDash = <T,>(value: T | null, show: (value: T) => string) => (value === null ? "–" : show(value));

function buildColumns({ names, labels, roll, defaultRoll, linked }: Omit<ComparablesDataTableProps, "comparables">, format: Formatter) {
  return column.columns([
    column.accessor((c) => names[comparableKey(c)] ?? c.rateNumber, {
      id: "property",
      header: labels.property,
      sortFn: "alphanumeric",
      meta: { className: "min-w-40 break-words" },
      cell: (info) =>
        linked ? (
          <Link href={propertyPath({ ...info.row.original, roll }, defaultRoll)} className="text-blue-800 underline">
            {info.getValue()}
          </Link>
        ) : (
          info.getValue()
        ),
    }),
    column.accessor("marketValue", { header: labels.marketValue, sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => format.rand(info.getValue()) }),
    column.accessor("registeredExtent", { header: labels.extent, sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => orDash(info.getValue(), format.extent) }),
    column.accessor("valuePerM2", { header: labels.perM2, sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => orDash(info.getValue(), (v) => format.rand(Math.round(v))) }),
    ...(labels.since
      ? [column.accessor("changePercent", { header: labels.since, sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => orDash(info.getValue(), formatPercentChange) })]
      : []),
  ]);
}

export function ComparablesDataTable({ comparables, ...options }: ComparablesDataTableProps) {
  const format = useFormat();
  const [columns] = useState(() => buildColumns(options, format));
  return (
    <DataTable
      caption={options.labels.caption}
      columns={columns}
      rows={comparables}
      rowId={comparableKey}
      rowData={(c) => ({ "data-rate-number": c.rateNumber })}
      density="compact"
      testId="comparables"
    />
  );
}
