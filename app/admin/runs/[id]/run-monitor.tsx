"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { pauseNotice } from "@/lib/admin/run-pause";
import type { RunDetailJson } from "@/lib/admin/run-queries";
import { crossCheckOutcome, type RunVerificationJson } from "@/lib/admin/run-verification";
import { useFormat } from "@/lib/i18n/use-format";
import { useDuration, useTitleTypeWord, useTriggerWord } from "../../admin-words";
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

/** One plain sentence on the cross-check, in the page's language. */
function CrossCheck({ verification }: { verification: RunVerificationJson }) {
  const t = useTranslations("admin.run.crossCheck");
  const format = useFormat();
  const outcome = crossCheckOutcome(verification);
  if (outcome.kind === "not-checked") return t("notChecked");
  if (outcome.kind === "skipped") return t("skipped", { reason: outcome.reason });
  if (outcome.kind === "agreed") return t("agreed", { verified: format.number(outcome.rowsVerified), pieces: format.number(outcome.piecesFetched) });
  const parts = [
    outcome.unconfirmed > 0 ? t("unconfirmed", { count: format.number(outcome.unconfirmed) }) : "",
    outcome.unplaced > 0 ? t("unplaced", { count: format.number(outcome.unplaced) }) : "",
    outcome.unsplittable > 0 ? t("unsplittable", { count: format.number(outcome.unsplittable) }) : "",
  ].filter(Boolean);
  return t("disagreed", { parts: parts.join(", ") });
}

export function RunMonitor({ initial }: { initial: RunDetailJson }) {
  const t = useTranslations("admin.run");
  const admin = useTranslations("admin");
  const format = useFormat();
  const duration = useDuration();
  const titleTypeWord = useTitleTypeWord();
  const triggerWord = useTriggerWord();
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
      else setNotice(body.detail ?? t("requestFailed", { status: String(response.status) }));
    } catch {
      setNotice(admin("unreachable"));
    } finally {
      setBusy(false);
    }
  }

  const c = run.counters;
  const pause = pauseNotice(run.pause);
  const n = format.number;
  return (
    <section aria-labelledby="run-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="run-title" className="text-2xl font-semibold">{t("title", { id: String(run.id) })}</h1>
        <span aria-live="polite" data-testid="run-state"><RunStateBadge state={run.state} /></span>
        {active && (
          <button type="button" disabled={busy || run.state === "cancelling"} onClick={() => act("DELETE", `/api/admin/scrape-runs/${run.id}`)} className="rounded border border-red-400 px-3 py-1 text-red-800 hover:bg-red-50 disabled:opacity-50">
            {t("cancel")}
          </button>
        )}
        {run.resumable && (
          <button type="button" disabled={busy} onClick={() => act("POST", `/api/admin/scrape-runs/${run.id}/resume`)} className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-50">
            {t("resume")}
          </button>
        )}
      </div>
      {notice && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">{notice}</p>}
      {run.state === "queued" && (
        <p role="status" data-testid="queue-notice" className={`rounded border p-2 ${run.worker.running ? "border-violet-300 bg-violet-50" : "border-amber-400 bg-amber-50"}`}>
          {run.worker.running ? t("queued") : (run.worker.message ?? "")}
        </p>
      )}
      {run.state === "interrupted" && (
        <p className="rounded border border-orange-300 bg-orange-50 p-2">
          {t("interrupted", { at: format.dateTime(run.heartbeatAt) })}
        </p>
      )}
      {pause && (
        <p role="status" data-testid="site-down" className="rounded border border-amber-300 bg-amber-50 p-2">
          {t("siteDown", { nextTry: pause.nextTry })}
          {pause.pausedMs > 0 && ` ${t("pausedSoFar", { duration: duration(pause.pausedMs) })}`}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-600">{t("labels.roll")}</dt><dd>{run.roll}</dd>
        <dt className="text-slate-600">{t("labels.trigger")}</dt><dd>{run.triggeredBy ? t("triggeredBy", { trigger: triggerWord(run.trigger), who: run.triggeredBy }) : triggerWord(run.trigger)}</dd>
        <dt className="text-slate-600">{t("labels.started")}</dt><dd>{format.dateTime(run.startedAt)}</dd>
        <dt className="text-slate-600">{t("labels.duration")}</dt><dd>{duration(run.durationMs)}</dd>
        <dt className="text-slate-600">{t("labels.titleTypes")}</dt><dd>{run.options.titleTypes.map(titleTypeWord).join(", ")}</dd>
        <dt className="text-slate-600">{t("labels.suburbs")}</dt><dd>{run.options.suburbIds ? n(run.options.suburbIds.length) : t("allSuburbs")}</dd>
        <dt className="text-slate-600">{t("labels.rate")}</dt><dd data-testid="rate">{run.progress.rowsPerSecond === null ? "–" : t("rate", { rate: n(run.progress.rowsPerSecond, 1) })}</dd>
        <dt className="text-slate-600">{t("labels.timeLeft")}</dt><dd>{run.progress.etaSeconds === null ? "–" : t("timeLeft", { duration: duration(run.progress.etaSeconds * 1000) })}</dd>
        <dt className="text-slate-600">{t("labels.paused")}</dt><dd data-testid="paused-time">{run.pause.pausedMs > 0 ? duration(run.pause.pausedMs) : t("never")}</dd>
      </dl>
      {run.pause.warnings.length > 0 && (
        <div className="text-sm">
          <h2 className="font-medium">{t("warnings")}</h2>
          <ul className="list-disc pl-5">
            {run.pause.warnings.map((warning) => (
              <li key={`${warning.at}:${warning.message}`}>{t("warning", { at: format.dateTime(warning.at), message: warning.message })}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="space-y-2">
        <p className="font-medium" data-testid="tasks-done">
          {c.tasksFailed > 0
            ? t("tasksDoneFailed", { done: n(c.tasksDone), total: n(c.tasksTotal), failed: n(c.tasksFailed), percent: String(run.progress.percent) })
            : t("tasksDone", { done: n(c.tasksDone), total: n(c.tasksTotal), percent: String(run.progress.percent) })}
        </p>
        <ProgressBar label={t("allTasks")} percent={run.progress.percent} />
        {run.progress.byTitleType.map((title) => (
          <div key={title.titleType} className="space-y-1">
            <p className="text-sm">
              {t("titleProgress", {
                titleType: title.titleType === "full" ? t("fullTitle") : t("sectionalTitle"),
                done: n(title.done),
                total: n(title.total),
                failed: n(title.failed),
                rows: n(title.rows),
              })}
            </p>
            <ProgressBar label={title.titleType === "full" ? t("progressFull") : title.titleType === "sectional" ? t("progressSectional") : `${title.titleType} title`} percent={title.percent} />
          </div>
        ))}
      </div>
      <table className="text-left text-sm">
        <caption className="text-left font-medium">{t("rows")}</caption>
        <tbody>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">{t("rowLabels.seen")}</th><td data-testid="rows-seen" className="text-right">{n(c.rowsSeen)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">{t("rowLabels.added")}</th><td className="text-right">{n(c.rowsAdded)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">{t("rowLabels.changed")}</th><td className="text-right">{n(c.rowsChanged)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">{t("rowLabels.unchanged")}</th><td className="text-right">{n(c.rowsUnchanged)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">{t("rowLabels.removed")}</th><td className="text-right">{n(c.rowsRemoved)}</td></tr>
          <tr><th scope="row" className="pr-4 font-normal text-slate-600">{t("rowLabels.details")}</th><td className="text-right">{n(c.detailsFetched)}</td></tr>
        </tbody>
      </table>
      <section className="space-y-1 text-sm" aria-labelledby="completeness">
        <h2 id="completeness" className="font-medium">{t("completeness")}</h2>
        <p data-testid="cross-check"><CrossCheck verification={run.verification} /></p>
        <p>
          {t("recovered", { recovered: n(run.verification.rowsRecovered), odd: n(run.verification.oddCells) })}
          {run.verification.oddCellExamples.length > 0 &&
            t("oddExamples", {
              examples: run.verification.oddCellExamples
                .map((cell) => t("oddExample", { rateNumber: cell.rateNumber, column: cell.column === "marketValue" ? t("marketValue") : t("extent"), text: cell.text }))
                .join(", "),
            })}
        </p>
        {run.verification.crossCheck?.examples.map((example) => <p key={example} className="text-slate-600">{example}</p>)}
      </section>
      {run.error && <p className="rounded border border-slate-300 bg-slate-50 p-2 text-sm"><span className="font-medium">{t("outcome")}</span> {run.error}</p>}
      <div>
        <h2 className="text-lg font-semibold">{t("failedTasks")}</h2>
        {run.failedTasks.length === 0 ? (
          <p className="text-sm">{t("none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {run.failedTasks.map((task) => (
              <li key={`${task.titleType}:${task.suburbId}`}>
                <span className="font-medium">{task.suburbName}</span>{" "}
                {t("failedTask", { titleType: titleTypeWord(task.titleType), attempts: task.attempts, count: n(task.attempts), error: task.error ?? "" })}
                {task.url && <> — <code className="break-all">{task.url}</code></>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
