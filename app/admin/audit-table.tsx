"use client";

import { DataTable, dataTableColumns } from "@/components/data-table";
import { formatDateTime } from "@/lib/format/format-date";
import type { AuditLog } from "@/lib/generated/prisma/client";

// The latest entries of the audit log.

const column = dataTableColumns<AuditLog>();

const columns = column.columns([
  column.accessor("at", { header: "When", meta: { className: "whitespace-nowrap" }, cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor("actor", { header: "Who" }),
  column.accessor("action", { header: "What" }),
  column.accessor("outcome", { header: "Outcome" }),
  column.accessor((entry) => entry.target ?? "", { id: "target", header: "About", meta: { className: "break-words" } }),
  column.accessor("clientAddress", { header: "From" }),
]);

export function AuditTable({ entries }: { entries: AuditLog[] }) {
  if (entries.length === 0) return <p>Nothing recorded yet.</p>;
  return <DataTable caption="Audit log, newest first" columns={columns} rows={entries} rowId={(entry) => String(entry.id)} density="compact" />;
}
