import type { Database } from "@/lib/db/client";
import { retryOnDisconnect } from "@/lib/db/retry-on-disconnect";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { SiteDownError } from "./circuit-breaker";
import { completeRun } from "./complete-run";
import type { CrossCheckResult } from "./cross-check-volumes";
import { discoverSite, planSuburbTasks } from "./discover-site";
import { fetchDetails } from "./fetch-details";
import { clearPause, recordPauseEnd, recordPauseStart, recordWarning } from "./record-pause";
import { runTasks, type DatabaseRetry } from "./run-tasks";
import { siteClientSettings, type ScrapeOptions } from "./scrape-options";
import { createSiteClient, type SiteClient } from "./site-client";
import { criteriaPath } from "./site-urls";
import { tryLockRoll, type RunLock } from "./store/run-lock";
import {
  RunInProgressError,
  createRun,
  findResumableRun,
  findRunningRun,
  finishRun,
  heartbeat,
  markAbandonedRuns,
  planTasks,
  reopenRun,
} from "./store/runs";

// A scrape run, start to finish: lock the roll, plan (or resume) the tasks, fetch and store them
// (run-tasks.ts), and only when every task is verified complete mark what vanished as removed
// (complete-run.ts). The CLI, the admin page and the scheduler all call this.

export type ScrapeProgress = {
  runId: number;
  tasksTotal: number;
  tasksDone: number;
  tasksFailed: number;
  rowsSeen: number;
  rowsAdded: number;
  rowsChanged: number;
  rowsUnchanged: number;
  startedAt: number;
  /** While the site is down: when the next try is due (ms since the epoch). */
  pausedUntil: number | null;
  /** Time the run has spent paused for outages, resumed runs included. */
  pausedMs: number;
};

export type ScrapeSummary = ScrapeProgress & {
  status: "succeeded" | "failed" | "cancelled";
  rowsRemoved: number;
  detailsFetched: number;
  anomalies: { titleType: string; suburbId: string; suburbName: string; rowsBefore: number }[];
  failures: { titleType: string; suburbId: string; suburbName: string; url: string | null; error: string }[];
  requests: number;
  /** Rows a second look (volumes, cross-check, removal checks) found and stored; odd cells stored as null. */
  rowsRecovered: number;
  oddCells: number;
  /** Rows the cross-check found in both passes; its outcome (null until the run got that far). */
  rowsVerified: number;
  crossCheck: CrossCheckResult | null;
  /** Why a run whose tasks all succeeded is still not complete (nothing was marked removed), else null. */
  incomplete: string | null;
  /** What went wrong without failing the run (this process's part of it). */
  warnings: string[];
  error: string | null;
};

export type RunScrapeInput = {
  db: Database;
  options: ScrapeOptions;
  /** Continue an unfinished run (its stored options win over `options`, but for politeness). */
  resume?: number | "latest";
  signal?: AbortSignal;
  log: Logger;
  onProgress?: (progress: ScrapeProgress) => void;
  /** Called once the run row exists (the admin API answers with it). */
  onRunCreated?: (run: ScrapeRun) => void;
  heartbeatMs?: number;
  /** Refresh the planner's statistics after this many new rows (default 50 000). */
  analyzeEveryRows?: number;
};

export async function runScrape(input: RunScrapeInput): Promise<ScrapeSummary> {
  const { db, log } = input;
  const roll = input.options.roll;
  const lock = await tryLockRoll(db.pool, roll);
  if (!lock) {
    const running = await findRunningRun(db, roll);
    throw new RunInProgressError(
      running
        ? `another scrape of ${roll} is running (run #${running.id}, started ${running.startedAt.toISOString()} by ${running.trigger})`
        : `another scrape of ${roll} holds the lock (it is starting or finishing); try again in a moment`,
    );
  }
  try {
    const abandoned = await markAbandonedRuns(db, roll);
    if (abandoned > 0) log.warn("marked runs whose process died as failed", { roll, runs: abandoned });
    const run = input.resume !== undefined ? await resumeRun(db, roll, input.resume) : await createRun(db, input.options);
    input.onRunCreated?.(run);
    const options: ScrapeOptions = input.resume !== undefined ? { ...(run.options as ScrapeOptions), ...politeness(input.options) } : input.options;
    return await execute({ ...input, options }, run, lock);
  } finally {
    await lock.release();
  }
}

// How to treat the site comes from the resuming command, whatever the run was started with.
function politeness(options: ScrapeOptions) {
  const { concurrency, delayMs, firstByteTimeoutMs, stallTimeoutMs, maxResponseMb, retries, userAgent } = options;
  const { outageFailures, outageBackoffMs, outageMaxBackoffMs, outagePatienceMs } = options;
  return { concurrency, delayMs, firstByteTimeoutMs, stallTimeoutMs, maxResponseMb, retries, userAgent, outageFailures, outageBackoffMs, outageMaxBackoffMs, outagePatienceMs };
}

async function resumeRun(db: Database, roll: string, runId: number | "latest"): Promise<ScrapeRun> {
  const run = await findResumableRun(db, roll, runId);
  return reopenRun(db, run.id);
}

async function execute(input: RunScrapeInput, run: ScrapeRun, lock: RunLock): Promise<ScrapeSummary> {
  const { db, options } = input;
  const log = input.log.child({ runId: run.id, roll: run.roll });
  lock.lost.then((error) => log.warn(error.message));
  const dbRetry: DatabaseRetry = { onRetry: (error, attempt) => log.warn("database unavailable; waiting", { error: error.message, attempt }) };
  const stopping = stopControls(input.signal);
  const summary = initialSummary(run);
  const progress = () => input.onProgress?.({ ...summary });
  const pauses = pauseRecorder(db, run.id, dbRetry, log);
  const client = connectSite({ run, options, signal: stopping.fetchSignal, log, summary, progress, pauses });
  let cancelledBy: string | null = null;
  const beat = startHeartbeat(db, run.id, input.heartbeatMs ?? 5_000, log, () => {
    if (stopping.stop.signal.aborted) return;
    cancelledBy = "an admin";
    stopping.stop.abort(new Error("cancel requested"));
  });

  try {
    if (run.tasksTotal === 0) await planRun({ db, runId: run.id, client, options, signal: stopping.fetchSignal, summary, dbRetry, log });
    progress();
    await runTasks(
      {
        db,
        run,
        options,
        log,
        client,
        summary,
        progress,
        fetchSignal: stopping.fetchSignal,
        stopped: () => stopping.stop.signal.aborted,
        haltFetches: () => stopping.halt.abort(new Error("another task failed")),
        dbRetry,
      },
      input.analyzeEveryRows ?? 50_000,
    );
    if (!stopping.stop.signal.aborted && summary.tasksFailed === 0 && options.details) {
      summary.detailsFetched = await fetchDetails({ db, client, run, budget: options.detailsBudget, signal: stopping.stop.signal, log });
    }
    summary.requests = client.requests;
    const stoppedBy = stopping.stop.signal.aborted ? (cancelledBy ?? "a stop signal") : null;
    return await conclude(db, run, options, summary, stoppedBy, log, { client, signal: stopping.fetchSignal });
  } catch (error) {
    summary.requests = client.requests;
    return await failRun(db, run.id, summary, error as Error, stopping.stop.signal.aborted, dbRetry, log);
  } finally {
    clearInterval(beat);
    stopping.dispose();
    await pauses.settled();
    if (client.pausedUntil !== null) await retryOnDisconnect(() => clearPause(db, run.id), dbRetry).catch(() => {});
  }
}

/**
 * `stop`: the run was asked to stop (the caller's signal, or an admin's cancel). `halt`: a task's
 * failure fails the run. Either way `fetchSignal` aborts: no more requests.
 */
function stopControls(outer: AbortSignal | undefined) {
  const stop = new AbortController();
  const halt = new AbortController();
  const onOuterAbort = () => stop.abort(outer?.reason ?? new Error("stopped"));
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  return {
    stop,
    halt,
    fetchSignal: AbortSignal.any([stop.signal, halt.signal]),
    dispose: () => outer?.removeEventListener("abort", onOuterAbort),
  };
}

/** The tally of a run about to (re)start: a resumed run carries on from its stored counts. */
function initialSummary(run: ScrapeRun): ScrapeSummary {
  return {
    runId: run.id,
    tasksTotal: run.tasksTotal,
    tasksDone: run.tasksDone,
    tasksFailed: 0,
    rowsSeen: run.rowsSeen,
    rowsAdded: run.rowsAdded,
    rowsChanged: run.rowsChanged,
    rowsUnchanged: run.rowsUnchanged,
    startedAt: Date.now(),
    status: "failed",
    rowsRemoved: 0,
    detailsFetched: 0,
    anomalies: [],
    failures: [],
    requests: 0,
    rowsRecovered: run.rowsRecovered,
    oddCells: run.oddCells,
    rowsVerified: 0,
    crossCheck: null,
    incomplete: null,
    warnings: [],
    error: null,
    pausedUntil: null,
    pausedMs: Number(run.pausedMs),
  };
}

/** Pause bookkeeping is written in order, and never stops the run. */
function pauseRecorder(db: Database, runId: number, dbRetry: DatabaseRetry, log: Logger) {
  let writes = Promise.resolve();
  const write = (job: () => Promise<unknown>) => {
    writes = writes.then(() => retryOnDisconnect(job, dbRetry)).then(
      () => {},
      (error: Error) => log.warn("could not record the pause", { error: error.message }),
    );
  };
  return {
    started: (until: Date) => write(() => recordPauseStart(db, runId, until)),
    ended: (ms: number) => write(() => recordPauseEnd(db, runId, ms)),
    settled: () => writes,
  };
}

/** The run's site client: while the site is down the run pauses, and the summary, log and run row say so. */
function connectSite(input: {
  run: ScrapeRun;
  options: ScrapeOptions;
  signal: AbortSignal;
  log: Logger;
  summary: ScrapeSummary;
  progress: () => void;
  pauses: ReturnType<typeof pauseRecorder>;
}): SiteClient {
  const { summary, log, progress, pauses } = input;
  return createSiteClient({
    baseUrl: input.run.baseUrl,
    ...siteClientSettings(input.options),
    probePath: criteriaPath("full"),
    signal: input.signal,
    onRetry: (event) => log.warn("retrying a request", event),
    onPause: (event) => {
      summary.pausedUntil = event.until.getTime();
      log.warn("site down; the run is paused", {
        nextTryAt: event.until.toISOString(),
        downSince: event.downSince.toISOString(),
        pauseMs: event.pauseMs,
        lastError: event.lastError,
      });
      pauses.started(event.until);
      progress();
    },
    onPaused: (ms) => {
      summary.pausedMs += ms;
      summary.pausedUntil = null;
      pauses.ended(ms);
    },
    onResume: (event) => {
      log.warn("the site answers again; the run carries on", { downMs: event.downMs });
      progress();
    },
  });
}

/** Says the run is alive every `ms`, and hears an admin's cancel in the answer. */
function startHeartbeat(db: Database, runId: number, ms: number, log: Logger, onCancelRequested: () => void): NodeJS.Timeout {
  return setInterval(() => {
    heartbeat(db, runId)
      .then(({ cancelRequested }) => {
        if (cancelRequested) onCancelRequested();
      })
      .catch((error: Error) => log.warn("heartbeat failed", { error: error.message }));
  }, ms);
}

/** A new run's tasks: one per title type × suburb the site lists (or the suburbs asked for). */
async function planRun(input: {
  db: Database;
  runId: number;
  client: SiteClient;
  options: ScrapeOptions;
  signal: AbortSignal;
  summary: ScrapeSummary;
  dbRetry: DatabaseRetry;
  log: Logger;
}): Promise<void> {
  const { db, runId, client, options, signal, summary, dbRetry, log } = input;
  const discovery = await discoverSite(client, options.titleTypes, signal);
  for (const warning of discovery.warnings) {
    log.warn(warning);
    summary.warnings.push(warning);
    await retryOnDisconnect(() => recordWarning(db, runId, warning), dbRetry);
  }
  const tasks = planSuburbTasks(discovery, options.titleTypes, options.suburbIds);
  await planTasks(db, runId, tasks, discovery.asAt);
  summary.tasksTotal = tasks.length;
  log.info("planned the run", { tasks: tasks.length, asAt: discovery.asAt });
}

/** A run that stopped short (a stop, the site down, a database failure): recorded, and resumable. */
async function failRun(db: Database, runId: number, summary: ScrapeSummary, error: Error, stopped: boolean, dbRetry: DatabaseRetry, log: Logger): Promise<ScrapeSummary> {
  const message = stopped
    ? `stopped: ${error.message}`
    : error instanceof SiteDownError
      ? `the site is down: ${error.message}; nothing was marked removed; resume with --resume ${runId}`
      : error.message;
  log.error("run failed", { error: message });
  const status = stopped ? "cancelled" : "failed";
  await retryOnDisconnect(() => finishRun(db, runId, { status, error: message }), dbRetry).catch(() => {});
  return { ...summary, status, error: message };
}

async function conclude(
  db: Database,
  run: ScrapeRun,
  options: ScrapeOptions,
  summary: ScrapeSummary,
  cancelledBy: string | null,
  log: Logger,
  site: { client: SiteClient; signal: AbortSignal },
): Promise<ScrapeSummary> {
  const retry = { onRetry: (error: Error) => log.warn("database unavailable; waiting", { error: error.message }) };
  if (cancelledBy) {
    const error = `cancelled by ${cancelledBy}; resume with --resume ${run.id}`;
    await retryOnDisconnect(() => finishRun(db, run.id, { status: "cancelled", error }), retry);
    return { ...summary, status: "cancelled", error };
  }
  if (summary.tasksFailed > 0) {
    const error = `${summary.tasksFailed} of ${summary.tasksTotal} tasks failed; nothing was marked removed; resume with --resume ${run.id}`;
    await retryOnDisconnect(() => finishRun(db, run.id, { status: "failed", error }), retry);
    return { ...summary, status: "failed", error };
  }
  // Anomalies found before a resume are in the run row, not in this process's summary.
  const stored = await retryOnDisconnect(() => db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.id } }), retry);
  const anomalies = stored.anomalies as ScrapeSummary["anomalies"];
  const done = await completeRun({ db, ...site, run, options, anomalySuburbIds: anomalies.map((a) => a.suburbId), log });
  log.info(done.complete ? "run complete" : "run finished incomplete", { rowsRemoved: done.rowsRemoved });
  return {
    ...summary,
    status: "succeeded",
    rowsRemoved: done.rowsRemoved,
    rowsSeen: done.run.rowsSeen,
    rowsAdded: done.run.rowsAdded,
    rowsChanged: done.run.rowsChanged,
    rowsUnchanged: done.run.rowsUnchanged,
    rowsRecovered: done.run.rowsRecovered,
    oddCells: done.run.oddCells,
    rowsVerified: done.run.rowsVerified,
    crossCheck: done.crossCheck,
    incomplete: done.incomplete,
    requests: site.client.requests,
  };
}
