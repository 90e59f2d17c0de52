"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { RegisteredRoll } from "@/lib/rolls/roll-registry";
import { useVerdictWord } from "./admin-words";

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

type Words = ReturnType<typeof useTranslations<"admin">>;

/** What the API answered, in the page's language; its problem details and warnings are given as they are. */
async function answerText(response: Response, t: Words, verdictWord: (verdict: string) => string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as {
    detail?: string;
    errors?: { parameter: string; message: string }[];
    data?: RegisteredRoll;
    warning?: string | null;
  };
  if (!response.ok) {
    const errors = body.errors?.map((error) => `${error.parameter} ${error.message}`).join("; ");
    return errors || body.detail || t("serverAnswered", { status: String(response.status) });
  }
  const saved = body.data?.id ? t("rolls.saved", { id: body.data.id }) : t("rolls.savedUnnamed");
  const verdict = body.data?.probeVerdict ? ` ${t("rolls.probeVerdict", { verdict: verdictWord(body.data.probeVerdict) })}` : "";
  return `${saved}${verdict}${body.warning ? ` ${body.warning}` : ""}`;
}

const column = dataTableColumns<RegisteredRoll>();

const KINDS = ["general", "supplementary"] as const;
const STATUSES = ["planned", "active", "archived"] as const;
const oneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

function buildColumns(busy: boolean, edit: (roll: RegisteredRoll) => void, t: Words, verdictWord: (verdict: string) => string) {
  return column.columns([
    column.accessor("id", { header: t("rolls.columns.roll"), sortFn: "alphanumeric", cell: (info) => t("rolls.rollCell", { label: info.row.original.label, id: info.getValue() }) }),
    column.accessor("baseUrl", { header: t("rolls.columns.site"), enableSorting: false, meta: { className: "break-all" }, cell: (info) => info.getValue() ?? t("rolls.noSite") }),
    column.accessor("valuationDate", {
      header: t("rolls.columns.valuationDate"),
      sortFn: "alphanumeric",
      meta: { className: "whitespace-nowrap" },
      cell: (info) => info.getValue() ?? t("rolls.unknownDate"),
    }),
    column.accessor("effectiveFrom", {
      header: t("rolls.columns.inForce"),
      sortFn: "alphanumeric",
      meta: { className: "whitespace-nowrap" },
      cell: (info) => {
        const to = info.row.original.effectiveTo;
        return to ? t("rolls.inForceCell", { from: info.getValue(), to }) : t("rolls.inForceOpen", { from: info.getValue() });
      },
    }),
    column.accessor("kind", { header: t("rolls.columns.kind"), sortFn: "alphanumeric", cell: (info) => (oneOf(KINDS, info.getValue()) ? t(`rolls.kinds.${info.getValue() as (typeof KINDS)[number]}`) : info.getValue()) }),
    column.accessor("status", {
      header: t("rolls.columns.status"),
      sortFn: "alphanumeric",
      cell: (info) => (oneOf(STATUSES, info.getValue()) ? t(`rolls.statuses.${info.getValue() as (typeof STATUSES)[number]}`) : info.getValue()),
    }),
    column.accessor("probeVerdict", {
      header: t("rolls.columns.probe"),
      enableSorting: false,
      cell: (info) => {
        const verdict = info.getValue();
        return verdict ? verdictWord(verdict) : t("rolls.notProbed");
      },
    }),
    column.display({
      id: "edit",
      header: () => <span className="sr-only">{t("rolls.columns.edit")}</span>,
      cell: (info) => (
        <button type="button" disabled={busy} onClick={() => edit(info.row.original)} className="text-blue-800 underline">
          {t("rolls.editButton", { id: info.row.original.id })}
        </button>
      ),
    }),
  ]);
}

export function RollsPanel({ rolls, defaultRoll }: Props) {
  const t = useTranslations("admin");
  const verdictWord = useVerdictWord();
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
  const columns = useMemo(() => buildColumns(busy, edit, t, verdictWord), [busy, t]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = bodyOf(form);
    setBusy(true);
    setMessage(editing ? t("rolls.savingEdit", { id: editing }) : t("rolls.savingNew"));
    try {
      const response = editing
        ? await fetch(`/api/admin/rolls/${encodeURIComponent(editing)}`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
        : await fetch("/api/admin/rolls", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: String(form.get("id") ?? "").trim(), ...body }) });
      setMessage(await answerText(response, t, verdictWord));
      if (response.ok) {
        startForm(null);
        router.refresh();
      }
    } catch {
      setMessage(t("unreachable"));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Draft) => ({ name, defaultValue: draft[name] });

  return (
    <section aria-labelledby="rolls" className="space-y-3">
      <h2 id="rolls" className="text-lg font-semibold">{t("rolls.heading")}</h2>
      <p className="text-sm">{t.rich("rolls.intro", { roll: defaultRoll, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <DataTable
        caption={t("rolls.caption")}
        columns={columns}
        rows={rolls}
        rowId={(roll) => roll.id}
        rowData={(roll) => ({ "data-testid": `roll-${roll.id}` })}
        density="compact"
      />
      <form key={formKey} onSubmit={save} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={editing ? t("rolls.editForm", { id: editing }) : t("rolls.addForm")}>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.id")}</span>
          <input {...field("id")} required={!editing} readOnly={editing !== null} pattern="[a-z][a-z0-9]{1,7}" placeholder="gv2026" className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.label")}</span>
          <input {...field("label")} required maxLength={40} placeholder="GV 2026" className={inputClass} />
        </label>
        <label className="block sm:col-span-2">
          <span className="block font-medium">{t("rolls.fields.baseUrl")}</span>
          <input {...field("baseUrl")} type="url" placeholder="http://valuation2026.durban.gov.za/" className={`${inputClass} w-full`} />
        </label>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.valuationDate")}</span>
          <input {...field("valuationDate")} type="date" className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.effectiveFrom")}</span>
          <input {...field("effectiveFrom")} type="date" required className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.effectiveTo")}</span>
          <input {...field("effectiveTo")} type="date" className={inputClass} />
        </label>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.kind")}</span>
          <select {...field("kind")} className={inputClass}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>{t(`rolls.kindOptions.${kind}`)}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="block font-medium">{t("rolls.fields.status")}</span>
          <select {...field("status")} className={inputClass}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>{t(`rolls.statusOptions.${status}`)}</option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" disabled={busy} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {editing ? t("rolls.save", { id: editing }) : t("rolls.add")}
          </button>
          {editing && (
            <button type="button" disabled={busy} onClick={() => edit(null)} className="text-blue-800 underline">
              {t("rolls.cancel")}
            </button>
          )}
        </div>
      </form>
      {message && <p role="status" data-testid="roll-message">{message}</p>}
    </section>
  );
}
