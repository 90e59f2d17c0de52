"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { RollSelect } from "./roll-select";

// Starts a scrape: the whole roll, or chosen title types and suburbs, with or without detail
// pages. On 202 it opens the run's page; on 409 it links to the run already going.

type Props = { rolls: readonly string[]; defaultRoll: string; suburbs: { id: string; name: string }[] };
type Failure = { message: string; runningRunId: number | null };

export function StartRunForm({ rolls, defaultRoll, suburbs }: Props) {
  const t = useTranslations("admin.startRun");
  const admin = useTranslations("admin");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const titleTypes = form.getAll("titleType").map(String);
    const suburbIds = form.getAll("suburbId").map(String);
    if (titleTypes.length === 0) {
      setFailure({ message: t("noTitleType"), runningRunId: null });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const response = await fetch("/api/admin/scrape-runs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          roll: form.get("roll"),
          titleTypes,
          ...(suburbIds.length > 0 ? { suburbIds } : {}),
          details: form.get("details") === "on",
        }),
      });
      const body = (await response.json()) as { id?: number; detail?: string; runningRun?: { id: number } | null };
      if (response.status === 202 && body.id !== undefined) {
        router.push(`/admin/runs/${body.id}`);
        return;
      }
      setFailure({ message: body.detail ?? t("failed", { status: String(response.status) }), runningRunId: body.runningRun?.id ?? null });
    } catch {
      setFailure({ message: admin("unreachable"), runningRunId: null });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby="start-run">
      <h2 id="start-run" className="text-lg font-semibold">{t("heading")}</h2>
      <div className="flex flex-wrap gap-6">
        <RollSelect label={t("roll")} rolls={rolls} defaultRoll={defaultRoll} />
        <fieldset>
          <legend className="font-medium">{t("titleTypes")}</legend>
          <label className="mr-4"><input type="checkbox" name="titleType" value="full" defaultChecked /> {t("full")}</label>
          <label><input type="checkbox" name="titleType" value="sectional" defaultChecked /> {t("sectional")}</label>
        </fieldset>
        <label className="self-end">
          <input type="checkbox" name="details" /> {t("details")}
        </label>
      </div>
      <label className="block">
        <span className="block font-medium">{t("suburbs")}</span>
        <select name="suburbId" multiple size={6} className="mt-1 w-full max-w-md rounded border border-slate-400 px-2 py-1">
          {suburbs.map((suburb) => (
            <option key={suburb.id} value={suburb.id}>{suburb.name}</option>
          ))}
        </select>
      </label>
      {failure && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
          {failure.message}{" "}
          {failure.runningRunId !== null && (
            <Link href={`/admin/runs/${failure.runningRunId}`} className="underline">{t("watch", { id: String(failure.runningRunId) })}</Link>
          )}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {busy ? t("starting") : t("submit")}
      </button>
    </form>
  );
}
