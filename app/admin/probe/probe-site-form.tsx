"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { RollSelect } from "../roll-select";

// "Probe the site": runs the probe in the server for the chosen roll (up to about two minutes),
// then reloads the panel to show its report.

type Props = { rolls: readonly string[]; defaultRoll: string };

export function ProbeSiteForm({ rolls, defaultRoll }: Props) {
  const t = useTranslations("admin.probe");
  const admin = useTranslations("admin");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(null);
    try {
      const response = await fetch("/api/admin/site-probes", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ roll: form.get("roll") }),
      });
      if (response.status === 201) {
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { detail?: string };
      setFailure(body.detail ?? t("failed", { status: String(response.status) }));
    } catch {
      setFailure(admin("unreachable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-4" aria-label={t("form")}>
      <RollSelect label={t("roll")} rolls={rolls} defaultRoll={defaultRoll} />
      <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {busy ? t("probing") : t("submit")}
      </button>
      {failure && (
        <p role="alert" className="w-full rounded border border-red-300 bg-red-50 p-2 text-red-900">{failure}</p>
      )}
    </form>
  );
}
