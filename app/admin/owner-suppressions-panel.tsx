"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import { useFormat } from "@/lib/i18n/use-format";
import { useTitleTypeWord } from "./admin-words";
import { useAdminRequest } from "./use-admin-request";
import { RollSelect } from "./roll-select";

// The owner suppression list: add a property (roll, title type, rate number, reason) and remove an
// entry (with a reason). Both go through the audited admin API; the page reloads its list after.

export type SuppressionEntry = { id: number; roll: string; titleType: string; rateNumber: string; reason: string; createdBy: string; createdAt: string };
type Props = { entries: SuppressionEntry[]; rolls: readonly string[]; defaultRoll: string };


export function OwnerSuppressionsPanel({ entries, rolls, defaultRoll }: Props) {
  const t = useTranslations("admin.suppressions");
  const format = useFormat();
  const titleTypeWord = useTitleTypeWord();
  const { busy, message, send } = useAdminRequest();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = { roll: form.get("roll"), titleType: form.get("titleType"), rateNumber: String(form.get("rateNumber") ?? "").trim(), reason: form.get("reason") };
    if (await send("/api/admin/owner-suppressions", "POST", body, t("added", { rateNumber: body.rateNumber }))) formElement.reset();
  }

  async function remove(entry: SuppressionEntry) {
    const reason = window.prompt(t("prompt", { rateNumber: entry.rateNumber, roll: entry.roll, titleType: titleTypeWord(entry.titleType) }));
    if (reason === null) return;
    await send(`/api/admin/owner-suppressions/${entry.id}`, "DELETE", { reason }, t("removed", { rateNumber: entry.rateNumber }));
  }

  const column = dataTableColumns<SuppressionEntry>();
  const columns = column.columns([
    column.accessor((entry) => t("propertyCell", { rateNumber: entry.rateNumber, roll: entry.roll, titleType: titleTypeWord(entry.titleType) }), {
      id: "property",
      header: t("columns.property"),
    }),
    column.accessor("reason", { header: t("columns.reason"), meta: { className: "break-words" } }),
    column.accessor("createdBy", { header: t("columns.addedBy") }),
    column.accessor("createdAt", { header: t("columns.when"), meta: { className: "whitespace-nowrap" }, cell: (info) => format.dateTime(info.getValue()) }),
    column.display({
      id: "remove",
      header: () => <span className="sr-only">{t("columns.remove")}</span>,
      cell: (info) => (
        <button type="button" disabled={busy} onClick={() => remove(info.row.original)} className="text-blue-800 underline">
          {t("removeButton", { rateNumber: info.row.original.rateNumber })}
        </button>
      ),
    }),
  ]);

  return (
    <section aria-labelledby="suppressions" className="space-y-3">
      <h2 id="suppressions" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm">{t("intro")}</p>
      <form onSubmit={add} className="flex flex-wrap items-end gap-3" aria-label={t("form")}>
        <RollSelect label={t("roll")} rolls={rolls} defaultRoll={defaultRoll} />
        <label className="block">
          <span className="block font-medium">{t("titleType")}</span>
          <select name="titleType" defaultValue="full" className="mt-1 rounded border border-slate-400 px-2 py-1">
            <option value="full">{t("full")}</option>
            <option value="sectional">{t("sectional")}</option>
          </select>
        </label>
        <label className="block">
          <span className="block font-medium">{t("rateNumber")}</span>
          <input name="rateNumber" required pattern="\d{1,24}|PIN:\d{1,16}" className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="block flex-1">
          <span className="block font-medium">{t("reason")}</span>
          <input name="reason" required minLength={3} maxLength={500} className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" disabled={busy} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {t("submit")}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {entries.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable caption={t("caption")} columns={columns} rows={entries} rowId={(entry) => String(entry.id)} density="compact" />
      )}
    </section>
  );
}
