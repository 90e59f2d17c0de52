"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/format-date";
import { formatDuration } from "@/lib/format/format-duration";
import { formatNumber, formatRowsPerSecond } from "@/lib/format/format-number";
import { describePause } from "@/lib/admin/run-pause";
import type { RunDetailJson } from "@/lib/admin/run-queries";
import { describeCrossCheck } from "@/lib/admin/run-verification";
import { RunStateBadge } from "../../run-state-badge";

// Watches a run: polls GET /api/admin/scrape-runs/{id} every second while it is going (and every
// few seconds otherwise, to notice a resume from elsewhere). Cancel and resume are buttons.

const ACTIVE_POLL_MS = 1_000;
const IDLE_POLL_MS = 5_000;

function ProgressBar({ label, percent }: { label: string; percent: number }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 w-full rounded bg-slate-200">
      <div className="h-3 rounded bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
    </div>
  );
}

export function RunMonitor({ initial }: { initial: RunDetailJson }) {
  const [run, setRun] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = run.state === "queued" || run.state === "running" || run.state === "cancelling";

  useEffect(() => {
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/scrape-runs/${run.id}`, { cache: "no-store" });
        if (response.status === 401) {
          window.location.assign("/admin/sign-in");
          return;
        }
        if (response.ok && !stopped) setRun((await response.json()) as RunDetailJson);
      } catch {
        // The next tick tries again; a blip in the connection is not worth a message.
      }
    }, active ? ACTIVE_POLL_MS : IDLE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [run, active]);

  async function act(method: "DELETE" | "POST", path: string) {
    setBusy(true);
    setNotice(null);
    try {
      const response = await fetch(path, { method });
      const body = (await response.json()) as RunDetailJson & { detail?: string };
      if (response.status === 202) setRun((current) => ({ ...current, ...body, progress: current.progress, failedTasks: current.failedTasks, worker: body.worker ?? current.worker }));
      else setNotice(body.detail ?? `The request failed (HTTP ${response.status}).`);
    } catch {
      setNotice("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  const c = run.counters;
  return (
    <section aria-labelledby="run-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="run-title" className="text-2xl font-semibold">Run #{run.id}</h1>
        <span aria-live="polite" data-testid="run-state"><RunStateBadge state={run.state} /></span>
        {active && (
          <button type="button" disabled={busy || run.state === "cancelling"} onClick={() => act("DELETE", `/api/admin/scrape-runs/${run.id}`)} className="rounded border border-red-400 px-3 py-1 text-red-800 hover:bg-red-50 disabled:opacity-50">
            Cancel run
          </button>
        )}
        {run.resumable && (
          <button type="button" disabled={busy} onClick={() => act("POST", `/api/admin/scrape-runs/${run.id}/resume`)} className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-50">
            Resume run
          </button>
        )}
      </div>
      {notice && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">{notice}</p>}
      {run.state === "queued" && (
        <p role="status" data-testid="queue-notice" className={`rounded border p-2 ${run.worker.running ? "border-violet-300 bg-violet-50" : "border-amber-400 bg-amber-50"}`}>
          {run.worker.running ? "Queued: a worker will start this run within a few seconds." : (run.worker.message ?? "")}
        </p>
      )}
      {run.state === "interrupted" && (
        <p className="rounded border border-orange-300 bg-orange-50 p-2">
          This run&apos;s process stopped without finishing (no heartbeat since {formatDateTime(run.heartbeatAt)}). Resume it to continue from its unfinished tasks.
        </p>
      )}
      {describePause(run.pause) && (
        <p role="status" data-testid="site-down" className="rounded border border-amber-300 bg-amber-50 p-2">
          {describePause(run.pause)}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-600">Roll</dt><dd>{run.roll}</dd>
        <dt className="text-slate-600">Trigger</dt><dd>{run.trigger}{run.triggeredBy ? ` (${run.triggeredBy})` : ""}</dd>
        <dt className="text-slate-600">Started</dt><dd>{formatDateTime(run.startedAt)}</dd>
        <dt className="text-slate-600">Duration</dt><dd>{formatDuration(run.durationMs)}</dd>
        <dt className="text-slate-600">Title types</dt><dd>{run.options.titleTypes.join(", ")}</dd>
        <dt className="text-slate-600">Suburbs</dt><dd>{run.options.suburbIds ? formatNumber(run.options.suburbIds.length) : "all"}</dd>
        <dt className="text-slate-600">Rate</dt><dd data-testid="rate">{formatRowsPerSecond(run.progress.rowsPerSecond)}</dd>
        <dt className="text-slate-600">Time left</dt><dd>{run.progress.etaSeconds === null ? "–" : `about ${formatDuration(run.progress.etaSeconds * 1000)}`}</dd>
        <dt className="text-slate-600">Paused (site down)</dt><dd data-testid="paused-time">{run.pause.pausedMs > 0 ? formatDuration(run.pause.pausedMs) : "never"}</dd>
      </dl>
      {run.pause.warnings.length > 0 && (
        <div className="text-sm">
          <h2 className="font-medium">Warnings</h2>
          <ul className="list-disc pl-5">
            {run.pause.warnings.map((warning) => (
              <li key={`${warning.at}:${warning.message}`}>{formatDateTime(warning.at)}: {warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="space-y-2">
        <p className="font-medium" data-testid="tasks-done">
          {formatNumber(c.tasksDone)} of {formatNumber(c.tasksTotal)} tasks done{c.tasksFailed > 0 ? `, ${formatNumber(c.tasksFailed)} failed` : ""} ({run.progress.percent}%)
        </p>
        <ProgressBar label="All tasks" percent={run.progress.percent} />
        {run.progress.byTitleType.map((title) => (
          <div key={title.titleType} className="space-y-1">
            <p className="text-sm">
              {title.titleType === "full" ? "Full title" : "Sectional title"}: {formatNumber(title.done)} of {formatNumber(title.total)} suburbs, {formatNumber(title.failed)} failed,{" "}
              {formatNumber(title.rows)} rows
            </p>
            <ProgressBar label={`${title.titleType} title`} percent={title.percent} />
          </div>
        ))}
      </div>
      <table className="text-left text-sm">
        <caption className="text-left font-medium">Rows</caption>
        <tbody>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">Seen</th><td data-testid="rows-seen" className="text-right">{formatNumber(c.rowsSeen)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">Added</th><td className="text-right">{formatNumber(c.rowsAdded)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">Changed</th><td className="text-right">{formatNumber(c.rowsChanged)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">Unchanged</th><td className="text-right">{formatNumber(c.rowsUnchanged)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">Removed</th><td className="text-right">{formatNumber(c.rowsRemoved)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">Detail pages</th><td className="text-right">{formatNumber(c.detailsFetched)}</td></tr>
        </tbody>
      </table>
      <section className="space-y-1 text-sm" aria-labelledby="completeness">
        <h2 id="completeness" className="font-medium">Completeness</h2>
        <p data-testid="cross-check">{describeCrossCheck(run.verification)}</p>
        <p>
          {formatNumber(run.verification.rowsRecovered)} rows recovered by a second look · {formatNumber(run.verification.oddCells)} odd cells (NaN, negative) stored as empty
          {run.verification.oddCellExamples.length > 0 &&
            `, e.g. ${run.verification.oddCellExamples.map((cell) => `${cell.rateNumber} ${cell.column === "marketValue" ? "market value" : "extent"} "${cell.text}"`).join(", ")}`}
        </p>
        {run.verification.crossCheck?.examples.map((example) => <p key={example} className="text-slate-600">{example}</p>)}
      </section>
      {run.error && <p className="rounded border border-slate-300 bg-slate-50 p-2 text-sm"><span className="font-medium">Outcome:</span> {run.error}</p>}
      <div>
        <h2 className="text-lg font-semibold">Failed tasks</h2>
        {run.failedTasks.length === 0 ? (
          <p className="text-sm">None.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {run.failedTasks.map((task) => (
              <li key={`${task.titleType}:${task.suburbId}`}>
                <span className="font-medium">{task.suburbName}</span> ({task.titleType}, {task.attempts} attempt{task.attempts === 1 ? "" : "s"}): {task.error}
                {task.url && <> — <code className="break-all">{task.url}</code></>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
