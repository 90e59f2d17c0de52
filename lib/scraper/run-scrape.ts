import type { Database } from "@/lib/db/client";
import { retryOnDisconnect } from "@/lib/db/retry-on-disconnect";
import type { ScrapeRun, ScrapeTask } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { discoverSite, planSuburbTasks } from "./discover-site";
import { completeRun } from "./complete-run";
import type { CrossCheckResult } from "./cross-check-volumes";
import { fetchDetails } from "./fetch-details";
import { NO_MATCH_ONCE, fetchSuburb, type SuburbResult } from "./fetch-suburb";
import { overlapTasks } from "./overlap-tasks";
import { sleep } from "./read-answer";
import { SiteDownError } from "./circuit-breaker";
import { clearPause, recordPauseEnd, recordPauseStart, recordWarning } from "./record-pause";
import { siteClientSettings, type ScrapeOptions } from "./scrape-options";
import { createSiteClient, type SiteClient } from "./site-client";
import { criteriaPath, searchResultPath } from "./site-urls";
import { tryLockRoll, type RunLock } from "./store/run-lock";
import {
  RunInProgressError,
  createRun,
  failTask,
  findResumableRun,
  findRunningRun,
  finishRun,
  heartbeat,
  markAbandonedRuns,
  pendingTasks,
  planTasks,
  recordAnomaly,
  reopenRun,
  startTask,
} from "./store/runs";
import { liveRowsInSuburb, storeTaskResult } from "./store/store-task-result";

// A scrape run, start to finish: lock the roll, plan (or resume) the tasks, fetch and store them
// with bounded concurrency, and only when every task is verified complete mark what vanished as
// removed. The CLI, the admin page and the scheduler all call this.

/** Tasks written at once: with two the database uses both cores while this process waits on the
 *  site; a third gained nothing (a 1M-row roll's last 100k rows: 21 s with one, 15 s with two or three). */
const STORE_CONCURRENCY = 2;

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
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(input.signal?.reason ?? new Error("stopped"));
  input.signal?.addEventListener("abort", onOuterAbort, { once: true });
  let cancelledBy: string | null = null;
  lock.lost.then((error) => log.warn(error.message));

  // Aborted by a stop (cancel, signal) or by a failure of another task: either way, no more requests.
  const halt = new AbortController();
  const fetchSignal = AbortSignal.any([stop.signal, halt.signal]);
  const dbRetry = { onRetry: (error: Error, attempt: number) => log.warn("database unavailable; waiting", { error: error.message, attempt }) };
  // Pause bookkeeping is written in order, and never stops the run.
  let pauseWrites = Promise.resolve();
  const writePause = (write: () => Promise<unknown>) => {
    pauseWrites = pauseWrites.then(() => retryOnDisconnect(write, dbRetry)).then(
      () => {},
      (error: Error) => log.warn("could not record the pause", { error: error.message }),
    );
  };
  const client = createSiteClient({
    baseUrl: run.baseUrl,
    ...siteClientSettings(options),
    probePath: criteriaPath("full"),
    signal: fetchSignal,
    onRetry: (event) => log.warn("retrying a request", event),
    onPause: (event) => {
      summary.pausedUntil = event.until.getTime();
      log.warn("site down; the run is paused", {
        nextTryAt: event.until.toISOString(),
        downSince: event.downSince.toISOString(),
        pauseMs: event.pauseMs,
        lastError: event.lastError,
      });
      writePause(() => recordPauseStart(db, run.id, event.until));
      progress();
    },
    onPaused: (ms) => {
      summary.pausedMs += ms;
      summary.pausedUntil = null;
      writePause(() => recordPauseEnd(db, run.id, ms));
    },
    onResume: (event) => {
      log.warn("the site answers again; the run carries on", { downMs: event.downMs });
      progress();
    },
  });

  const summary: ScrapeSummary = {
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
  const progress = () => input.onProgress?.({ ...summary });

  const beat = setInterval(() => {
    heartbeat(db, run.id)
      .then(({ cancelRequested }) => {
        if (cancelRequested && !stop.signal.aborted) {
          cancelledBy = "an admin";
          stop.abort(new Error("cancel requested"));
        }
      })
      .catch((error: Error) => log.warn("heartbeat failed", { error: error.message }));
  }, input.heartbeatMs ?? 5_000);

  try {
    if (run.tasksTotal === 0) {
      const discovery = await discoverSite(client, options.titleTypes, fetchSignal);
      for (const warning of discovery.warnings) {
        log.warn(warning);
        summary.warnings.push(warning);
        await retryOnDisconnect(() => recordWarning(db, run.id, warning), dbRetry);
      }
      const tasks = planSuburbTasks(discovery, options.titleTypes, options.suburbIds);
      await planTasks(db, run.id, tasks, discovery.asAt);
      summary.tasksTotal = tasks.length;
      log.info("planned the run", { tasks: tasks.length, asAt: discovery.asAt });
    }
    progress();

    // A first load grows the table from nothing; until its statistics catch up (autovacuum is late,
    // or off) the planner may read every row to find a task's existing rate numbers. Refreshed after
    // analyzeEvery new rows, then each time the run's new rows have doubled: a 1M-row first load
    // analyzes 5 times, not 20 (each costs the same, a sample of the table).
    const analyzeEvery = input.analyzeEveryRows ?? 50_000;
    let addedInRun = 0;
    let analyzeAt = analyzeEvery;
    let analyzing: Promise<unknown> | null = null;
    const analyzeIfGrown = (added: number) => {
      addedInRun += added;
      if (addedInRun < analyzeAt || analyzing) return;
      analyzeAt = Math.max(addedInRun * 2, addedInRun + analyzeEvery);
      analyzing = db.pool
        .query("ANALYZE valuations")
        .catch((error: Error) => log.warn("could not refresh table statistics", { error: error.message }))
        .finally(() => (analyzing = null));
    };

    const queue = await pendingTasks(db, run.id);
    // A suburb that answers "No Match" is read again later (--empty-recheck-ms), after the other
    // tasks, so the wait holds no fetch slot; a second "No Match" is believed (by volume when the
    // suburb had rows).
    let recheck: { task: ScrapeTask; at: number }[] = [];
    let secondLook = false;
    type Fetched = { task: ScrapeTask; result: SuburbResult; taskLog: Logger };
    const fetchTask = async (task: ScrapeTask): Promise<Fetched | null> => {
      if (!secondLook) await retryOnDisconnect(() => startTask(db, task.id), dbRetry);
      const taskLog = log.child({ taskId: task.id, titleType: task.titleType, suburbId: task.suburbId });
      let result;
      try {
        result = await fetchSuburb(
          client,
          { roll: run.roll, titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName },
          {
            onFirstNoMatch: secondLook ? "believe" : "defer",
            emptyRecheckMs: options.emptyRecheckMs,
            hadRows: async () => (await retryOnDisconnect(() => liveRowsInSuburb(db, run.roll, task.titleType, task.suburbId), dbRetry)) > 0,
            signal: fetchSignal,
          },
        );
        if (result === NO_MATCH_ONCE) {
          recheck.push({ task, at: Date.now() });
          return null;
        }
      } catch (error) {
        if (fetchSignal.aborted) return null; // left "running"; a resume takes it up again
        if (error instanceof SiteDownError) throw error; // the run's failure, not this task's
        const message = (error as Error).message;
        const url = (error as { url?: string }).url ?? new URL(searchResultPath(task), run.baseUrl).toString();
        summary.tasksFailed += 1;
        summary.failures.push({ titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName, url, error: message });
        taskLog.error("task failed", { error: message, url });
        await retryOnDisconnect(() => failTask(db, task, message, url), dbRetry);
        progress();
        return null;
      }
      if (result.unverified) taskLog.warn(result.unverified);
      if (result.verifiedBy === "empty") {
        const rowsBefore = await retryOnDisconnect(() => liveRowsInSuburb(db, run.roll, task.titleType, task.suburbId), dbRetry);
        if (rowsBefore > 0) {
          const anomaly = { titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName, rowsBefore };
          summary.anomalies.push(anomaly);
          taskLog.warn("a suburb that had rows came back empty; its rows are kept", anomaly);
          await retryOnDisconnect(() => recordAnomaly(db, run.id, anomaly), dbRetry);
        }
      }
      return { task, result, taskLog };
    };
    const storeTask = async ({ task, result, taskLog }: Fetched) => {
      const counts = await retryOnDisconnect(
        () =>
          storeTaskResult(db, {
            runId: run.id,
            taskId: task.id,
            roll: run.roll,
            titleType: task.titleType,
            url: result.url,
            expected: result.expected,
            rows: result.rows,
            verifiedBy: result.verifiedBy,
            recovered: result.recovered,
            oddCells: result.oddCells,
          }),
        dbRetry,
      );
      summary.tasksDone += 1;
      summary.rowsSeen += result.rows.length;
      summary.rowsAdded += counts.added;
      summary.rowsChanged += counts.changed + counts.restored;
      summary.rowsUnchanged += counts.unchanged;
      summary.rowsRecovered += result.recovered;
      summary.oddCells += result.oddCells.length;
      analyzeIfGrown(counts.added);
      taskLog.debug("task done", { rows: result.rows.length, ...counts });
      progress();
    };
    // The next tasks are fetched and parsed while the database writes the last ones; a few fetched
    // tasks may wait for a store, no more (memory).
    await overlapTasks(queue, {
      fetchConcurrency: options.concurrency,
      storeConcurrency: STORE_CONCURRENCY,
      maxHeld: options.concurrency + STORE_CONCURRENCY,
      fetch: fetchTask,
      store: storeTask,
      shouldStop: () => stop.signal.aborted,
      // Requests still in flight are abandoned; their tasks stay "running" for a resume.
      onFailure: () => halt.abort(new Error("another task failed")),
    });
    if (recheck.length > 0 && !fetchSignal.aborted) {
      const waiting = recheck;
      recheck = [];
      secondLook = true;
      log.info("reading again the suburbs that answered No Match", { tasks: waiting.length, afterMs: options.emptyRecheckMs });
      await sleep(Math.max(0, waiting[0]!.at + options.emptyRecheckMs - Date.now()), fetchSignal).catch(() => {});
      await overlapTasks(
        waiting.map((entry) => entry.task),
        {
          fetchConcurrency: options.concurrency,
          storeConcurrency: STORE_CONCURRENCY,
          maxHeld: options.concurrency + STORE_CONCURRENCY,
          fetch: fetchTask,
          store: storeTask,
          shouldStop: () => stop.signal.aborted,
          onFailure: () => halt.abort(new Error("another task failed")),
        },
      );
    }
    await analyzing;

    if (!stop.signal.aborted && summary.tasksFailed === 0 && options.details) {
      summary.detailsFetched = await fetchDetails({ db, client, run, budget: options.detailsBudget, signal: stop.signal, log });
    }
    summary.requests = client.requests;
    return await conclude(db, run, options, summary, stop.signal.aborted ? (cancelledBy ?? "a stop signal") : null, log, { client, signal: fetchSignal });
  } catch (error) {
    summary.requests = client.requests;
    const message = stop.signal.aborted
      ? `stopped: ${(error as Error).message}`
      : error instanceof SiteDownError
        ? `the site is down: ${error.message}; nothing was marked removed; resume with --resume ${run.id}`
        : (error as Error).message;
    log.error("run failed", { error: message });
    await retryOnDisconnect(() => finishRun(db, run.id, { status: stop.signal.aborted ? "cancelled" : "failed", error: message }), dbRetry).catch(() => {});
    return { ...summary, status: stop.signal.aborted ? "cancelled" : "failed", error: message };
  } finally {
    clearInterval(beat);
    input.signal?.removeEventListener("abort", onOuterAbort);
    await pauseWrites;
    if (client.pausedUntil !== null) await retryOnDisconnect(() => clearPause(db, run.id), dbRetry).catch(() => {});
  }
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
