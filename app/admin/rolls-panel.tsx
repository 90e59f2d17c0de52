"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { RegisteredRoll } from "@/lib/rolls/roll-registry";

// The roll registry: every roll the product knows, and a form to add one or edit one (through the
// audited admin API). Saving a roll with a base URL probes that site; the verdict is shown, and a
// roll whose site is down is saved all the same, with the warning.

type Props = { rolls: RegisteredRoll[]; defaultRoll: string };

const inputClass = "mt-1 rounded border border-slate-400 px-2 py-1";
const EMPTY = { id: "", label: "", baseUrl: "", valuationDate: "", effectiveFrom: "", effectiveTo: "", kind: "general", status: "planned" };
type Draft = typeof EMPTY;

function draftOf(roll: RegisteredRoll): Draft {
  return {
    id: roll.id,
    label: roll.label,
    baseUrl: roll.baseUrl ?? "",
    valuationDate: roll.valuationDate ?? "",
    effectiveFrom: roll.effectiveFrom,
    effectiveTo: roll.effectiveTo ?? "",
    kind: roll.kind,
    status: roll.status,
  };
}

/** The request body: empty optional fields are null (cleared). */
function bodyOf(form: FormData): Record<string, string | null> {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const optional = (name: string) => (text(name) === "" ? null : text(name));
  return {
    label: text("label"),
    baseUrl: optional("baseUrl"),
    valuationDate: optional("valuationDate"),
    effectiveFrom: text("effectiveFrom"),
    effectiveTo: optional("effectiveTo"),
    kind: text("kind"),
    status: text("status"),
  };
}

async function answerText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as {
    detail?: string;
    errors?: { parameter: string; message: string }[];
    data?: RegisteredRoll;
    warning?: string | null;
  };
  if (!response.ok) {
    const errors = body.errors?.map((error) => `${error.parameter} ${error.message}`).join("; ");
    return errors || body.detail || `The server answered HTTP ${response.status}.`;
  }
  const verdict = body.data?.probeVerdict ? ` Site probe: ${body.data.probeVerdict}.` : "";
  return `${body.data?.id ?? "The roll"} is saved.${verdict}${body.warning ? ` ${body.warning}` : ""}`;
}

const column = dataTableColumns<RegisteredRoll>();

function buildColumns(busy: boolean, edit: (roll: RegisteredRoll) => void) {
  return column.columns([
    column.accessor("id", { header: "Roll", sortFn: "alphanumeric", cell: (info) => `${info.row.original.label} (${info.getValue()})` }),
    column.accessor("baseUrl", { header: "Site", enableSorting: false, meta: { className: "break-all" }, cell: (info) => info.getValue() ?? "none" }),
    column.accessor("valuationDate", { header: "Valuation date", sortFn: "alphanumeric", meta: { className: "whitespace-nowrap" }, cell: (info) => info.getValue() ?? "unknown" }),
    column.accessor("effectiveFrom", {
      header: "In force",
      sortFn: "alphanumeric",
      meta: { className: "whitespace-nowrap" },
      cell: (info) => `${info.getValue()} to ${info.row.original.effectiveTo ?? "the next roll"}`,
    }),
    column.accessor("kind", { header: "Kind", sortFn: "alphanumeric" }),
    column.accessor("status", { header: "Status", sortFn: "alphanumeric" }),
    column.accessor("probeVerdict", { header: "Site probe", enableSorting: false, cell: (info) => info.getValue() ?? "not probed" }),
    column.display({
      id: "edit",
      header: () => <span className="sr-only">Edit</span>,
      cell: (info) => (
        <button type="button" disabled={busy} onClick={() => edit(info.row.original)} className="text-blue-800 underline">
          Edit {info.row.original.id}
        </button>
      ),
    }),
  ]);
}

export function RollsPanel({ rolls, defaultRoll }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // The inputs are uncontrolled (what is typed before hydration stays); a new key starts them afresh.
  const [formKey, setFormKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  function startForm(roll: RegisteredRoll | null) {
    setEditing(roll?.id ?? null);
    setDraft(roll ? draftOf(roll) : EMPTY);
    setFormKey((key) => key + 1);
  }

  function edit(roll: RegisteredRoll | null) {
    startForm(roll);
    setMessage(null);
  }
  // `edit` only sets state: the columns need rebuilding when `busy` changes, not on every render.
  const columns = useMemo(() => buildColumns(busy, edit), [busy]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = bodyOf(form);
    setBusy(true);
    setMessage(editing ? `Saving ${editing} and probing its site…` : "Saving the roll and probing its site…");
    try {
      const response = editing
        ? await fetch(`/api/admin/rolls/${encodeURIComponent(editing)}`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
        : await fetch("/api/admin/rolls", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: String(form.get("id") ?? "").trim(), ...body }) });
      setMessage(await answerText(response));
      if (response.ok) {
        startForm(null);
        router.refresh();
      }
    } catch {
      setMessage("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Draft) => ({ name, defaultValue: draft[name] });

  return (
    <section aria-labelledby="rolls" className="space-y-3">
      <h2 id="rolls" className="text-lg font-semibold">Valuation rolls</h2>
      <p className="text-sm">
        The rolls pages and the API offer. Active rolls are scraped every night; planned ones only when you start a run. Pages and the API show{" "}
        <strong>{defaultRoll}</strong> by default (the newest roll with a complete scrape, or DEFAULT_ROLL).
      </p>
      <DataTable
        caption="The valuation rolls, newest first"
        columns={columns}
        rows={rolls}
        rowId={(roll) => roll.id}
        rowData={(roll) => ({ "data-testid": `roll-${roll.id}` })}
        density="compact"
      />
      <form key={formKey} onSubmit={save} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={editing ? `Edit ${editing}` : "Add a roll"}>
        <label className="block">
          <span className="block font-medium">Id</span>
          <input {...field("id")} required={!editing} readOnly={editing !== null} pattern="[a-z][a-z0-9]{1,7}" placeholder="gv2026" className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">Label</span>
          <input {...field("label")} required maxLength={40} placeholder="GV 2026" className={inputClass} />
        </label>
        <label className="block sm:col-span-2">
          <span className="block font-medium">Base URL</span>
          <input {...field("baseUrl")} type="url" placeholder="http://valuation2026.durban.gov.za/" className={`${inputClass} w-full`} />
        </label>
        <label className="block">
          <span className="block font-medium">Valuation date</span>
          <input {...field("valuationDate")} type="date" className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">Effective from</span>
          <input {...field("effectiveFrom")} type="date" required className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">Effective to</span>
          <input {...field("effectiveTo")} type="date" className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">Kind</span>
          <select {...field("kind")} className={inputClass}>
            <option value="general">General</option>
            <option value="supplementary">Supplementary</option>
          </select>
        </label>
        <label className="block">
          <span className="block font-medium">Status</span>
          <select {...field("status")} className={inputClass}>
            <option value="planned">Planned</option>
            <option value="active">Active (scraped nightly)</option>
            <option value="archived">Archived</option>
          </select>
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" disabled={busy} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {editing ? `Save ${editing}` : "Add the roll"}
          </button>
          {editing && (
            <button type="button" disabled={busy} onClick={() => edit(null)} className="text-blue-800 underline">
              Cancel
            </button>
          )}
        </div>
      </form>
      {message && <p role="status" data-testid="roll-message">{message}</p>}
    </section>
  );
}
