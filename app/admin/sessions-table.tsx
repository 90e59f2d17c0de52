"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { SessionJson } from "@/lib/auth/session-json";
import { useFormat } from "@/lib/i18n/use-format";

// The admin sessions still alive, with a button to end any of them but this browser's own (which
// signs out with the header's button). Ending one signs that browser out at its next request.

export function SessionsTable({ sessions }: { sessions: SessionJson[] }) {
  const t = useTranslations("admin.sessions");
  const admin = useTranslations("admin");
  const format = useFormat();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function end(session: SessionJson) {
    setBusy(session.id);
    setNotice(null);
    try {
      const response = await fetch(`/api/admin/sessions/${session.id}`, { method: "DELETE" });
      if (response.status === 204) router.refresh();
      else setNotice(((await response.json()) as { detail?: string }).detail ?? t("failed", { status: String(response.status) }));
    } catch {
      setNotice(admin("unreachable"));
    } finally {
      setBusy(null);
    }
  }

  const column = dataTableColumns<SessionJson>();
  const when = (info: { getValue: () => string }) => format.dateTime(info.getValue());
  const columns = column.columns([
    column.accessor((session) => (session.current ? t("thisBrowser", { label: session.label }) : session.label), { id: "label", header: t("columns.session") }),
    column.accessor("createdAt", { header: t("columns.signedIn"), meta: { className: "whitespace-nowrap" }, cell: when }),
    column.accessor("lastSeenAt", { header: t("columns.lastUsed"), meta: { className: "whitespace-nowrap" }, cell: when }),
    column.accessor("expiresAt", { header: t("columns.expires"), meta: { className: "whitespace-nowrap" }, cell: when }),
    column.accessor("clientAddress", { header: t("columns.from"), cell: (info) => <span title={info.row.original.userAgent ?? ""}>{info.getValue()}</span> }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      cell: (info) =>
        !info.row.original.current && (
          <button type="button" disabled={busy !== null} onClick={() => end(info.row.original)} className="rounded border border-red-400 px-2 py-0.5 text-red-800 hover:bg-red-50 disabled:opacity-50">
            {t("end")}
          </button>
        ),
    }),
  ]);

  if (sessions.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="space-y-2">
      {notice && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">{notice}</p>}
      <DataTable caption={t("caption")} columns={columns} rows={sessions} rowId={(session) => session.id} density="compact" />
    </div>
  );
}
