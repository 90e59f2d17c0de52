"use client";

import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type CellData,
  type ColumnDef,
  type RowData,
  type SortingState,
  type TableFeatures,
} from "@tanstack/react-table";
import { useState } from "react";

// The one table of the app (search results, statistics, admin lists): a real <table> with a
// caption, a sort button in every sortable header and aria-sort on the sorted one. Sorting is
// either done here (client) or asked of the server (`serverSort`: the page fetches sorted rows).
// The wrapper scrolls sideways only as a last resort on narrow screens; columns say how they
// give way (`meta.className`, e.g. "hidden xl:table-cell" or "min-w-40 break-words").

declare module "@tanstack/table-core" {
  interface ColumnMeta<TFeatures extends TableFeatures, TData extends RowData, TValue extends CellData = CellData> {
    /** Figures: right-aligned, tabular digits, never wrapped. */
    numeric?: boolean;
    /** Classes of the column's header and cells (responsive hiding, widths, wrapping). */
    className?: string;
  }
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
export type DataTableFeatures = typeof dataTableFeatures;

/** The column helper for a DataTable of `Row`. */
export function dataTableColumns<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}

// Any column of a row: the value type differs from column to column.
export type DataTableColumn<Row extends RowData> = ColumnDef<DataTableFeatures, Row, any>;

type ServerSort = {
  /** The sort in force (from the URL). */
  sorting: SortingState;
  /** A header's sort button was pressed. */
  onSort: (columnId: string) => void;
};

type Props<Row extends RowData> = {
  /** Read by screen readers before the table (and the name of its scroll region). */
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: Row[];
  rowId: (row: Row) => string;
  /** data-* attributes of a row, for tests and styling. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  serverSort?: ServerSort;
  /** "compact" for the admin's dense lists. */
  density?: "comfortable" | "compact";
  testId?: string;
};

export function DataTable<Row extends RowData>({ caption, columns, rows, rowId, rowData, serverSort, density = "comfortable", testId }: Props<Row>) {
  const [clientSorting, setClientSorting] = useState<SortingState>([]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: rowId,
    state: { sorting: serverSort?.sorting ?? clientSorting },
    onSortingChange: setClientSorting,
    manualSorting: serverSort !== undefined,
    enableSortingRemoval: false,
  });
  const pad = `${density === "compact" ? "px-2 py-1" : "px-2 py-2"} print:py-0`;

  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white" data-testid={testId}>
      <table className="w-full border-collapse text-left text-sm print:text-[8pt]">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, index) => {
                const meta = header.column.columnDef.meta;
                const direction = header.column.getIsSorted();
                const numeric = meta?.numeric === true;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                    className={`border-b border-slate-300 px-1 py-1 align-bottom font-semibold text-slate-900 ${index === 0 ? "sticky left-0 z-10 bg-slate-100" : ""} ${
                      numeric ? "text-right" : ""
                    } ${meta?.className ?? ""}`}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={serverSort ? () => serverSort.onSort(header.column.id) : header.column.getToggleSortingHandler()}
                        className={`inline-flex min-h-9 items-center gap-1 rounded px-1 text-left hover:underline print:min-h-0 ${numeric ? "flex-row-reverse text-right" : ""}`}
                      >
                        <table.FlexRender header={header} />
                        <SortIcon direction={direction} />
                      </button>
                    ) : (
                      <span className="inline-flex min-h-9 items-center px-1 print:min-h-0">
                        <table.FlexRender header={header} />
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} {...rowData?.(row.original)} className="group border-b border-slate-200 align-top last:border-b-0 hover:bg-blue-50">
              {row.getAllCells().map((cell, index) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <td
                    key={cell.id}
                    data-column={cell.column.id}
                    className={`${pad} ${index === 0 ? "sticky left-0 bg-white group-hover:bg-blue-50" : ""} ${
                      meta?.numeric ? "whitespace-nowrap text-right tabular-nums" : ""
                    } ${meta?.className ?? ""}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  const path = direction === "asc" ? "M6 3l4 6H2z" : direction === "desc" ? "M6 9L2 3h8z" : "M6 1.5l3 4H3zM6 10.5l-3-4h6z";
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={`h-3 w-3 shrink-0 ${direction ? "text-slate-950" : "text-slate-500"}`} fill="currentColor">
      <path d={path} />
    </svg>
  );
}
