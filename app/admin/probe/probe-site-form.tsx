"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

// "Probe the site": runs the probe in the server for the chosen roll (up to about two minutes),
// then reloads the panel to show its report.

type Props = { rolls: readonly string[]; defaultRoll: string };

export function ProbeSiteForm({ rolls, defaultRoll }: Props) {
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
      setFailure(body.detail ?? `The probe could not run (HTTP ${response.status}).`);
    } catch {
      setFailure("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-4" aria-label="Probe the site">
      <label className="block">
        <span className="block font-medium">Roll</span>
        <select name="roll" defaultValue={defaultRoll} className="mt-1 rounded border border-slate-400 px-2 py-1">
          {rolls.map((roll) => (
            <option key={roll} value={roll}>{roll}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {busy ? "Probing… (up to 2 minutes)" : "Probe the site"}
      </button>
      {failure && (
        <p role="alert" className="w-full rounded border border-red-300 bg-red-50 p-2 text-red-900">{failure}</p>
      )}
    </form>
  );
}
