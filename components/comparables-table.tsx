"use client";

import Link from "next/link";
import { useState } from "react";
import type { RollId } from "@/lib/rolls/roll-id";
import type { Comparable } from "@/lib/comparables/comparables-schema";
import { formatExtent } from "@/lib/format/format-extent";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import { propertyPath } from "@/lib/search-state/search-results";
import { DataTable, dataTableColumns } from "./data-table";

// The comparables, one row each, as a resident would set them out in an objection; sorted in the
// browser by any column.

type Props = { comparables: Comparable[]; roll: RollId; defaultRoll: RollId; previousRollLabel: string | null; linked?: boolean };

const column = dataTableColumns<Comparable>();
const figure = { numeric: true };
const orDash = <T,>(value: T | null, show: (value: T) => string) => (value === null ? "–" : show(value));

function buildColumns({ roll, defaultRoll, previousRollLabel, linked = true }: Omit<Props, "comparables">) {
  const name = (c: Comparable) => (c.sectionNumber ? `Section ${c.sectionNumber} · ${c.rateNumber}` : `${c.rateNumber} · ${c.address || c.legalDescription}`);
  return column.columns([
    column.accessor(name, {
      id: "property",
      header: "Property",
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
    column.accessor("marketValue", { header: "Market value", sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => formatRand(info.getValue()) }),
    column.accessor("registeredExtent", { header: "Extent", sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => orDash(info.getValue(), formatExtent) }),
    column.accessor("valuePerM2", { header: "Per m²", sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => orDash(info.getValue(), (v) => formatRand(Math.round(v))) }),
    ...(previousRollLabel
      ? [column.accessor("changePercent", { header: `Since ${previousRollLabel}`, sortFn: "basic", sortUndefined: "last", meta: figure, cell: (info) => orDash(info.getValue(), formatPercentChange) })]
      : []),
  ]);
}

export function ComparablesTable({ comparables, ...options }: Props) {
  const [columns] = useState(() => buildColumns(options));
  return (
    <DataTable
      caption="Comparable properties, nearest in extent first"
      columns={columns}
      rows={comparables}
      rowId={(c) => `${c.titleType}-${c.rateNumber}`}
      rowData={(c) => ({ "data-rate-number": c.rateNumber })}
      density="compact"
      testId="comparables"
    />
  );
}
