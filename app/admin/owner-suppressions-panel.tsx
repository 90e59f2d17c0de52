"use client";

import type { FormEvent } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import { formatDateTime } from "@/lib/format/format-date";
import { useAdminRequest } from "./use-admin-request";

// The owner suppression list: add a property (roll, title type, rate number, reason) and remove an
// entry (with a reason). Both go through the audited admin API; the page reloads its list after.

export type SuppressionEntry = { id: number; roll: string; titleType: string; rateNumber: string; reason: string; createdBy: string; createdAt: string };
type Props = { entries: SuppressionEntry[]; rolls: readonly string[]; defaultRoll: string };


export function OwnerSuppressionsPanel({ entries, rolls, defaultRoll }: Props) {
  const { busy, message, send } = useAdminRequest();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = { roll: form.get("roll"), titleType: form.get("titleType"), rateNumber: String(form.get("rateNumber") ?? "").trim(), reason: form.get("reason") };
    if (await send("/api/admin/owner-suppressions", "POST", body, `Owners of ${body.rateNumber} are now withheld.`)) formElement.reset();
  }

  async function remove(entry: SuppressionEntry) {
    const reason = window.prompt(`Why should the owners of ${entry.rateNumber} (${entry.roll}, ${entry.titleType}) be shown again?`);
    if (reason === null) return;
    await send(`/api/admin/owner-suppressions/${entry.id}`, "DELETE", { reason }, `${entry.rateNumber} is off the list.`);
  }

  const column = dataTableColumns<SuppressionEntry>();
  const columns = column.columns([
    column.accessor((entry) => `${entry.rateNumber} (${entry.roll}, ${entry.titleType})`, { id: "property", header: "Property" }),
    column.accessor("reason", { header: "Reason", meta: { className: "break-words" } }),
    column.accessor("createdBy", { header: "Added by" }),
    column.accessor("createdAt", { header: "When", meta: { className: "whitespace-nowrap" }, cell: (info) => formatDateTime(info.getValue()) }),
    column.display({
      id: "remove",
      header: () => <span className="sr-only">Remove</span>,
      cell: (info) => (
        <button type="button" disabled={busy} onClick={() => remove(info.row.original)} className="text-blue-800 underline">
          Remove {info.row.original.rateNumber}
        </button>
      ),
    }),
  ]);

  return (
    <section aria-labelledby="suppressions" className="space-y-3">
      <h2 id="suppressions" className="text-lg font-semibold">Owner names withheld on request</h2>
      <p className="text-sm">
        A property on this list shows no owner on any page, download or API answer. Give the reason (how and when the owner asked), never the
        owner&apos;s name: the reason is kept in the audit log.
      </p>
      <form onSubmit={add} className="flex flex-wrap items-end gap-3" aria-label="Withhold a property's owners">
        <label className="block">
          <span className="block font-medium">Roll</span>
          <select name="roll" defaultValue={defaultRoll} className="mt-1 rounded border border-slate-400 px-2 py-1">
            {rolls.map((roll) => (
              <option key={roll} value={roll}>{roll}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="block font-medium">Title type</span>
          <select name="titleType" defaultValue="full" className="mt-1 rounded border border-slate-400 px-2 py-1">
            <option value="full">Full Title</option>
            <option value="sectional">Sectional Title</option>
          </select>
        </label>
        <label className="block">
          <span className="block font-medium">Rate number</span>
          <input name="rateNumber" required pattern="\d{1,24}|PIN:\d{1,16}" className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="block flex-1">
          <span className="block font-medium">Reason</span>
          <input name="reason" required minLength={3} maxLength={500} className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" disabled={busy} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          Withhold owners
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {entries.length === 0 ? (
        <p>No property is on the list.</p>
      ) : (
        <DataTable caption="Properties whose owners are withheld, newest first" columns={columns} rows={entries} rowId={(entry) => String(entry.id)} density="compact" />
      )}
    </section>
  );
}
