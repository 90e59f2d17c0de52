import type { Database } from "@/lib/db/client";
import { retryOnDisconnect } from "@/lib/db/retry-on-disconnect";
import type { ScrapeRun, ScrapeTask } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { SiteDownError } from "./circuit-breaker";
import { NO_MATCH_ONCE, fetchSuburb, type SuburbResult } from "./fetch-suburb";
import { overlapTasks } from "./overlap-tasks";
import { sleep } from "./read-answer";
import type { ScrapeSummary } from "./run-scrape";
import type { ScrapeOptions } from "./scrape-options";
import type { SiteClient } from "./site-client";
import { searchResultPath } from "./site-urls";
import { failTask, pendingTasks, recordAnomaly, startTask } from "./store/runs";
import { liveRowsInSuburb, storeTaskResult } from "./store/store-task-result";

// The tasks of a run: each suburb answer fetched (and proven complete) then stored, the next ones
// fetched while the database writes the last; the suburbs that answered "No Match" are read again
// after the others (--empty-recheck-ms), so the wait holds no fetch slot.

/** Tasks written at once: with two the database uses both cores while this process waits on the
 *  site; a third gained nothing (a 1M-row roll's last 100k rows: 21 s with one, 15 s with two or three). */
const STORE_CONCURRENCY = 2;

export type DatabaseRetry = { onRetry: (error: Error, attempt: number) => void };

/** What the tasks of one run share. `summary` is the run's running tally, updated as tasks finish. */
export type RunContext = {
  db: Database;
  run: ScrapeRun;
  options: ScrapeOptions;
  log: Logger;
  client: SiteClient;
  summary: ScrapeSummary;
  progress: () => void;
  /** Aborted by a stop (cancel, signal) or by another task's failure: no more requests. */
  fetchSignal: AbortSignal;
  /** Whether the run was asked to stop (cancel, signal). */
  stopped: () => boolean;
  /** Stops the requests of the other tasks once one task's failure fails the run. */
  haltFetches: () => void;
  dbRetry: DatabaseRetry;
};

type Fetched = { task: ScrapeTask; result: SuburbResult; taskLog: Logger };
/** The first pass, or the second look at the suburbs that answered "No Match" once. */
type Pass = "first" | "second look";

export async function runTasks(ctx: RunContext, analyzeEveryRows: number): Promise<void> {
  const statistics = refreshStatisticsAsTableGrows(ctx.db, analyzeEveryRows, ctx.log);
  const recheck: { task: ScrapeTask; at: number }[] = [];
  await runPass(ctx, await pendingTasks(ctx.db, ctx.run.id), "first", statistics.grew, recheck);
  if (recheck.length > 0 && !ctx.fetchSignal.aborted) {
    ctx.log.info("reading again the suburbs that answered No Match", { tasks: recheck.length, afterMs: ctx.options.emptyRecheckMs });
    await sleep(Math.max(0, recheck[0]!.at + ctx.options.emptyRecheckMs - Date.now()), ctx.fetchSignal).catch(() => {});
    await runPass(ctx, recheck.map((entry) => entry.task), "second look", statistics.grew, []);
  }
  await statistics.settled();
}

function runPass(ctx: RunContext, tasks: ScrapeTask[], pass: Pass, grew: (added: number) => void, recheck: { task: ScrapeTask; at: number }[]): Promise<void> {
  // A few fetched tasks may wait for a store, no more (memory).
  return overlapTasks(tasks, {
    fetchConcurrency: ctx.options.concurrency,
    storeConcurrency: STORE_CONCURRENCY,
    maxHeld: ctx.options.concurrency + STORE_CONCURRENCY,
    fetch: async (task) => {
      const fetched = await fetchTask(ctx, task, pass);
      if (fetched === NO_MATCH_ONCE) {
        recheck.push({ task, at: Date.now() });
        return null;
      }
      return fetched;
    },
    store: (fetched) => storeTask(ctx, fetched, grew),
    shouldStop: ctx.stopped,
    // Requests still in flight are abandoned; their tasks stay "running" for a resume.
    onFailure: ctx.haltFetches,
  });
}

/** One task's suburb answer, or null when the task failed (recorded) or was stopped. */
async function fetchTask(ctx: RunContext, task: ScrapeTask, pass: Pass): Promise<Fetched | typeof NO_MATCH_ONCE | null> {
  const { db, run, dbRetry } = ctx;
  if (pass === "first") await retryOnDisconnect(() => startTask(db, task.id), dbRetry);
  const taskLog = ctx.log.child({ taskId: task.id, titleType: task.titleType, suburbId: task.suburbId });
  const hadRows = async () => (await retryOnDisconnect(() => liveRowsInSuburb(db, run.roll, task.titleType, task.suburbId), dbRetry)) > 0;
  let result;
  try {
    result = await fetchSuburb(
      ctx.client,
      { roll: run.roll, titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName },
      { onFirstNoMatch: pass === "first" ? "defer" : "believe", emptyRecheckMs: ctx.options.emptyRecheckMs, hadRows, signal: ctx.fetchSignal },
    );
  } catch (error) {
    if (ctx.fetchSignal.aborted) return null; // left "running"; a resume takes it up again
    if (error instanceof SiteDownError) throw error; // the run's failure, not this task's
    await recordTaskFailure(ctx, task, error as Error, taskLog);
    return null;
  }
  if (result === NO_MATCH_ONCE) return result;
  if (result.unverified) taskLog.warn(result.unverified);
  if (result.verifiedBy === "empty") await noteEmptySuburbThatHadRows(ctx, task, taskLog);
  return { task, result, taskLog };
}

async function recordTaskFailure(ctx: RunContext, task: ScrapeTask, error: Error, taskLog: Logger): Promise<void> {
  const url = (error as { url?: string }).url ?? new URL(searchResultPath(task), ctx.run.baseUrl).toString();
  ctx.summary.tasksFailed += 1;
  ctx.summary.failures.push({ titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName, url, error: error.message });
  taskLog.error("task failed", { error: error.message, url });
  await retryOnDisconnect(() => failTask(ctx.db, task, error.message, url), ctx.dbRetry);
  ctx.progress();
}

/** A suburb confirmed empty that had rows is an anomaly: its rows are kept, and the run says so. */
async function noteEmptySuburbThatHadRows(ctx: RunContext, task: ScrapeTask, taskLog: Logger): Promise<void> {
  const rowsBefore = await retryOnDisconnect(() => liveRowsInSuburb(ctx.db, ctx.run.roll, task.titleType, task.suburbId), ctx.dbRetry);
  if (rowsBefore === 0) return;
  const anomaly = { titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName, rowsBefore };
  ctx.summary.anomalies.push(anomaly);
  taskLog.warn("a suburb that had rows came back empty; its rows are kept", anomaly);
  await retryOnDisconnect(() => recordAnomaly(ctx.db, ctx.run.id, anomaly), ctx.dbRetry);
}

async function storeTask(ctx: RunContext, { task, result, taskLog }: Fetched, grew: (added: number) => void): Promise<void> {
  const { run, summary } = ctx;
  const counts = await retryOnDisconnect(
    () =>
      storeTaskResult(ctx.db, {
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
    ctx.dbRetry,
  );
  summary.tasksDone += 1;
  summary.rowsSeen += result.rows.length;
  summary.rowsAdded += counts.added;
  summary.rowsChanged += counts.changed + counts.restored;
  summary.rowsUnchanged += counts.unchanged;
  summary.rowsRecovered += result.recovered;
  summary.oddCells += result.oddCells.length;
  grew(counts.added);
  taskLog.debug("task done", { rows: result.rows.length, ...counts });
  ctx.progress();
}

/**
 * A first load grows the table from nothing; until its statistics catch up (autovacuum is late,
 * or off) the planner may read every row to find a task's existing rate numbers. Refreshed after
 * `every` new rows, then each time the run's new rows have doubled: a 1M-row first load analyzes
 * 5 times, not 20 (each costs the same, a sample of the table).
 */
function refreshStatisticsAsTableGrows(db: Database, every: number, log: Logger) {
  let addedInRun = 0;
  let analyzeAt = every;
  let analyzing: Promise<unknown> | null = null;
  return {
    grew(added: number) {
      addedInRun += added;
      if (addedInRun < analyzeAt || analyzing) return;
      analyzeAt = Math.max(addedInRun * 2, addedInRun + every);
      analyzing = db.pool
        .query("ANALYZE valuations")
        .catch((error: Error) => log.warn("could not refresh table statistics", { error: error.message }))
        .finally(() => (analyzing = null));
    },
    async settled() {
      await analyzing;
    },
  };
}
