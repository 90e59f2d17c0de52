"use client";

import { useTranslations } from "next-intl";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { AuditLog } from "@/lib/generated/prisma/client";
import { useFormat } from "@/lib/i18n/use-format";

// The latest entries of the audit log (its actions and outcomes are codes, shown as they are).

const column = dataTableColumns<AuditLog>();

export function AuditTable({ entries }: { entries: AuditLog[] }) {
  const t = useTranslations("admin.audit");
  const format = useFormat();
  const columns = column.columns([
    column.accessor("at", { header: t("columns.when"), meta: { className: "whitespace-nowrap" }, cell: (info) => format.dateTime(info.getValue()) }),
    column.accessor("actor", { header: t("columns.who") }),
    column.accessor("action", { header: t("columns.what") }),
    column.accessor("outcome", { header: t("columns.outcome") }),
    column.accessor((entry) => entry.target ?? "", { id: "target", header: t("columns.about"), meta: { className: "break-words" } }),
    column.accessor("clientAddress", { header: t("columns.from") }),
  ]);
  if (entries.length === 0) return <p>{t("empty")}</p>;
  return <DataTable caption={t("caption")} columns={columns} rows={entries} rowId={(entry) => String(entry.id)} density="compact" />;
}
