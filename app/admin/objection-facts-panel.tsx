"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { OBJECTION_FACT_KEYS, type ObjectionFactKey } from "@/lib/objections/objection-fact-keys";
import { useAdminRequest } from "./use-admin-request";
import { RollSelect } from "./roll-select";

// What residents are told about objecting to each roll: the period, how and where, the contact,
// each with its source. Saved through the audited admin API; the property pages show only these.

export type ObjectionFactEntry = { roll: string; key: ObjectionFactKey; value: string; source: string; updatedBy: string; updatedAt: string };
type Props = { facts: ObjectionFactEntry[]; rolls: readonly string[]; defaultRoll: string };

const FACTS_URL = "/api/admin/objection-facts";


export function ObjectionFactsPanel({ facts, rolls, defaultRoll }: Props) {
  const t = useTranslations("admin.objectionFacts");
  const { busy, message, send } = useAdminRequest();
  const label = (key: ObjectionFactKey) => t(`keys.${key}`);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = { roll: form.get("roll"), key: form.get("key"), value: String(form.get("value") ?? ""), source: String(form.get("source") ?? "") };
    if (await send(FACTS_URL, "PUT", body, t("saved", { roll: String(body.roll) }))) formElement.reset();
  }

  const byRoll = rolls.map((roll) => ({ roll, facts: facts.filter((fact) => fact.roll === roll) })).filter((group) => group.facts.length > 0);

  return (
    <section aria-labelledby="objection-facts" className="space-y-3">
      <h2 id="objection-facts" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm">{t("intro")}</p>
      <form onSubmit={save} className="grid gap-3 sm:grid-cols-2" aria-label={t("form")}>
        <RollSelect label={t("roll")} rolls={rolls} defaultRoll={defaultRoll} />
        <label className="block">
          <span className="block font-medium">{t("fact")}</span>
          <select name="key" defaultValue="period-closes" className="mt-1 rounded border border-slate-400 px-2 py-1">
            {OBJECTION_FACT_KEYS.map((key) => (
              <option key={key} value={key}>{label(key)}</option>
            ))}
          </select>
        </label>
        <label className="block sm:col-span-2">
          <span className="block font-medium">{t("value")}</span>
          <textarea name="value" required maxLength={2000} rows={2} className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="block sm:col-span-2">
          <span className="block font-medium">{t("source")}</span>
          <input name="source" required minLength={5} maxLength={500} className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        </label>
        <div>
          <button type="submit" disabled={busy} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {t("save")}
          </button>
        </div>
      </form>
      {message && <p role="status">{message}</p>}
      {byRoll.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        byRoll.map((group) => (
          <div key={group.roll} className="space-y-1">
            <h3 className="font-semibold">{group.roll}</h3>
            <dl className="space-y-1 text-sm" data-testid={`objection-facts-${group.roll}`}>
              {group.facts.map((fact) => (
                <div key={fact.key} className="flex flex-wrap items-baseline gap-x-2">
                  <dt className="font-medium">{t("factLabel", { label: label(fact.key) })}</dt>
                  <dd>
                    {fact.value} <span className="text-slate-700">{t("sourceNote", { source: fact.source, by: fact.updatedBy, date: fact.updatedAt.slice(0, 10) })}</span>{" "}
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => send(FACTS_URL, "DELETE", { roll: fact.roll, key: fact.key }, t("removed", { roll: fact.roll }))}
                      className="text-blue-800 underline"
                    >
                      {t("remove")}<span className="sr-only"> {t("removeWhat", { label: label(fact.key), roll: fact.roll })}</span>
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))
      )}
    </section>
  );
}
