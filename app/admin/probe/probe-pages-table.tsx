"use client";

import { useTranslations } from "next-intl";
import { DataTable, dataTableColumns } from "@/components/data-table";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatMilliseconds } from "@/lib/format/format-duration";
import type { ProbePage } from "@/lib/probe/probe-report";

// The pages one probe asked for, one row each, in the order it asked (so no column sorts).

type Row = ProbePage & { position: number };

const column = dataTableColumns<Row>();
const inOrder = { enableSorting: false } as const;
const figure = { ...inOrder, meta: { numeric: true } };

function useColumns() {
  const t = useTranslations("admin.probe");
  return column.columns([
    column.accessor("label", { ...inOrder, header: t("columns.page") }),
    column.accessor("status", { ...figure, header: t("columns.status"), cell: (info) => info.getValue() ?? "–" }),
    column.accessor("firstByteMs", { ...figure, header: t("columns.firstByte"), cell: (info) => formatMilliseconds(info.getValue()) }),
    column.accessor("totalMs", { ...figure, header: t("columns.total"), cell: (info) => formatMilliseconds(info.getValue()) }),
    column.accessor("bytes", { ...figure, header: t("columns.size"), cell: (info) => formatBytes(info.getValue()) }),
    column.accessor("charset", { ...inOrder, header: t("columns.charset"), cell: (info) => info.getValue() ?? t("noCharset") }),
    column.accessor("error", { ...inOrder, header: t("columns.problem"), cell: (info) => info.getValue() ?? "–" }),
  ]);
}

export function ProbePagesTable({ pages }: { pages: readonly ProbePage[] }) {
  const t = useTranslations("admin.probe");
  const columns = useColumns();
  const rows = pages.map((page, position) => ({ ...page, position }));
  return <DataTable caption={t("pagesCaption")} columns={columns} rows={rows} rowId={(row) => String(row.position)} density="compact" />;
}
