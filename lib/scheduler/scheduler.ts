import { Cron } from "croner";
import { anomalyAlert, runFailedAlert, staleDataAlert } from "@/lib/alerts/format-alert";
import type { Alerter } from "@/lib/alerts/send-alert";
import type { Database } from "@/lib/db/client";
import type { Logger } from "@/lib/log";
import { runScrape, type ScrapeSummary } from "@/lib/scraper/run-scrape";
import type { ScrapeOptions } from "@/lib/scraper/scrape-options";
import { RunInProgressError } from "@/lib/scraper/store/runs";
import { assessFreshness, lastSuccessfulScrape, type Freshness } from "./freshness";
import { findInterruptedRun } from "./interrupted-run";

// The cron role: scrape on a schedule with the same engine as the CLI, every roll of the plan (the
// registry's active rolls, read at each tick, so a roll made active in /admin is scraped the next
// night without a restart), one after another. Never two runs at once (an
// in-process guard, and across processes the roll's advisory lock: RunInProgressError means
// another scrape holds it, so this tick is skipped). An interrupted recent run is resumed rather
// than started over. stop() aborts a run in progress: it stops at the next task boundary as
// "cancelled" and the next start resumes it. Failed runs, anomalies and stale data are alerted.

export type TickOutcome =
  | { kind: "finished"; summary: ScrapeSummary }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; error: string };

export type SchedulerEvent =
  | { type: "run-started"; runId: number; resumed: boolean; reason: TickReason }
  | { type: "run-finished"; summary: ScrapeSummary }
  | { type: "skipped"; reason: string }
  | { type: "error"; error: string }
  | { type: "stale"; freshness: Freshness };

export type TickReason = "schedule" | "start-up" | "manual";

export type SchedulerOptions = {
  db: Database;
  /** Cron pattern (5 or 6 fields), e.g. "0 2 * * *". */
  schedule: string;
  timeZone: string;
  /** Options for the runs of a tick, one per roll (read at each tick); those rolls are watched for freshness. */
  plan: () => Promise<ScrapeOptions[]>;
  /** Data older than this is stale; runs younger than this are resumed rather than restarted. */
  freshnessHours: number;
  alerter: Alerter;
  log: Logger;
  /** When freshness is checked besides start-up and after each run (default hourly, at :05). */
  freshnessSchedule?: string;
  /** At start-up: resume an interrupted run, or scrape at once if the data is stale (default true). */
  catchUp?: boolean;
  heartbeatMs?: number;
  onEvent?: (event: SchedulerEvent) => void;
  now?: () => Date;
};

export type SchedulerStatus = {
  schedule: string;
  timeZone: string;
  /** The rolls of the last plan read (empty before the first). */
  rolls: string[];
  nextRunAt: string | null;
  running: boolean;
  currentRunId: number | null;
  lastOutcome: { kind: TickOutcome["kind"]; at: string; runId: number | null; status: string | null } | null;
  stopping: boolean;
};

export type Scheduler = {
  /** One tick now (exactly what the schedule does). Resolves when the run ends or is skipped. */
  runNow: () => Promise<TickOutcome>;
  checkFreshness: () => Promise<Freshness | null>;
  status: () => SchedulerStatus;
  /** Stops the schedule; a run in progress stops at a task boundary and stays resumable. */
  stop: () => Promise<void>;
};

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, alerter } = options;
  const baseLog = options.log;
  const now = options.now ?? (() => new Date());
  const emit = (event: SchedulerEvent) => options.onEvent?.(event);
  const abort = new AbortController();
  let current: Promise<TickOutcome> | null = null;
  let currentRunId: number | null = null;
  let lastOutcome: SchedulerStatus["lastOutcome"] = null;
  const staleAlerted = new Set<string>();
  let plannedRolls: string[] = [];
  let startUp: Promise<unknown> = Promise.resolve();

  async function readPlan(): Promise<ScrapeOptions[]> {
    const plan = await options.plan();
    plannedRolls = plan.map((scrape) => scrape.roll);
    return plan;
  }

  /** Every roll of the plan, one after another; the outcome is the last roll's, or the first error. */
  async function executePlan(reason: TickReason): Promise<TickOutcome> {
    let plan: ScrapeOptions[];
    try {
      plan = await readPlan();
    } catch (error) {
      const message = (error as Error).message;
      baseLog.error("could not read the rolls to scrape", { error: message });
      emit({ type: "error", error: message });
      return { kind: "error", error: message };
    }
    if (plan.length === 0) {
      const reasonText = "no roll is active in the roll registry";
      baseLog.warn(`skipped: ${reasonText}`);
      emit({ type: "skipped", reason: reasonText });
      return { kind: "skipped", reason: reasonText };
    }
    let outcome: TickOutcome = { kind: "skipped", reason: "nothing ran" };
    for (const scrape of plan) {
      if (abort.signal.aborted) break;
      const rollOutcome = await execute(scrape, reason);
      if (outcome.kind !== "error") outcome = rollOutcome;
    }
    return outcome;
  }

  async function execute(scrape: ScrapeOptions, reason: TickReason): Promise<TickOutcome> {
    const roll = scrape.roll;
    const log = baseLog.child({ roll });
    try {
      const interrupted = await findInterruptedRun(db, roll, now(), options.freshnessHours);
      const summary = await runScrape({
        db,
        options: scrape,
        resume: interrupted?.id,
        signal: abort.signal,
        log,
        heartbeatMs: options.heartbeatMs,
        onRunCreated: (run) => {
          currentRunId = run.id;
          log.info(interrupted ? "resuming an interrupted run" : "scheduled run started", { runId: run.id, reason });
          emit({ type: "run-started", runId: run.id, resumed: interrupted !== null, reason });
        },
      });
      log.info("scheduled run ended", { runId: summary.runId, status: summary.status, error: summary.error, tasksDone: summary.tasksDone, tasksTotal: summary.tasksTotal });
      emit({ type: "run-finished", summary });
      await alertOutcome(roll, summary);
      if (summary.status === "succeeded") await checkRollFreshness(roll);
      return { kind: "finished", summary };
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof RunInProgressError) {
        log.info("skipped: the roll is being scraped elsewhere", { reason: message });
        emit({ type: "skipped", reason: message });
        return { kind: "skipped", reason: message };
      }
      log.error("the scheduled scrape could not run", { error: message, runId: currentRunId });
      emit({ type: "error", error: message });
      await alerter.send(runFailedAlert({ roll, runId: currentRunId, error: message, tasksFailed: 0, tasksTotal: 0, failures: [] }));
      return { kind: "error", error: message };
    }
  }

  async function alertOutcome(roll: string, summary: ScrapeSummary) {
    if (summary.status === "failed") {
      await alerter.send(
        runFailedAlert({
          roll,
          runId: summary.runId,
          error: summary.error ?? "the run failed",
          tasksFailed: summary.tasksFailed,
          tasksTotal: summary.tasksTotal,
          failures: summary.failures,
        }),
      );
    }
    if (summary.anomalies.length > 0) await alerter.send(anomalyAlert({ roll, runId: summary.runId, anomalies: summary.anomalies }));
  }

  function tick(reason: TickReason): Promise<TickOutcome> {
    if (abort.signal.aborted) return Promise.resolve({ kind: "skipped", reason: "the scheduler is stopping" });
    if (current) {
      const reasonText = `a scheduled run is still in progress${currentRunId === null ? "" : ` (run #${currentRunId})`}`;
      baseLog.info("skipped: the previous run has not finished", { reason: reasonText });
      emit({ type: "skipped", reason: reasonText });
      return Promise.resolve({ kind: "skipped", reason: reasonText });
    }
    const run = executePlan(reason).then((outcome) => {
      current = null;
      currentRunId = null;
      lastOutcome = {
        kind: outcome.kind,
        at: now().toISOString(),
        runId: outcome.kind === "finished" ? outcome.summary.runId : null,
        status: outcome.kind === "finished" ? outcome.summary.status : null,
      };
      return outcome;
    });
    current = run;
    return run;
  }

  async function readFreshness(roll: string): Promise<Freshness | null> {
    try {
      return assessFreshness(await lastSuccessfulScrape(db.pool, roll), now(), options.freshnessHours);
    } catch (error) {
      baseLog.warn("could not check how fresh the data is", { roll, error: (error as Error).message });
      return null;
    }
  }

  /** Each planned roll's freshness (alerting a roll that went stale once); the stalest is returned. */
  async function checkFreshness(): Promise<Freshness | null> {
    let rolls: string[];
    try {
      rolls = (await readPlan()).map((scrape) => scrape.roll);
    } catch (error) {
      baseLog.warn("could not read the rolls to check", { error: (error as Error).message });
      return null;
    }
    const checked = await Promise.all(rolls.map((roll) => checkRollFreshness(roll)));
    return checked.find((freshness) => freshness?.fresh === false) ?? checked[0] ?? null;
  }

  async function checkRollFreshness(roll: string): Promise<Freshness | null> {
    const freshness = await readFreshness(roll);
    if (!freshness) return null;
    if (freshness.fresh) staleAlerted.delete(roll);
    else if (!staleAlerted.has(roll)) {
      staleAlerted.add(roll);
      emit({ type: "stale", freshness });
      await alerter.send(
        staleDataAlert({ roll, lastSuccessAt: freshness.lastSuccessAt, maxAgeHours: options.freshnessHours, now: now(), timeZone: options.timeZone }),
      );
    }
    return freshness;
  }

  // Neither callback rejects: tick and checkFreshness log their own failures.
  const job = new Cron(options.schedule, { timezone: options.timeZone }, () => {
    void tick("schedule");
  });
  const freshnessJob = new Cron(options.freshnessSchedule ?? "5 * * * *", { timezone: options.timeZone }, () => {
    void checkFreshness();
  });

  if (options.catchUp !== false) {
    // Stale data at start-up is scraped at once rather than alerted: a restart (or a crash loop)
    // must not repeat the alert. The hourly check alerts if the catch-up does not fix it.
    startUp = (async () => {
      const rolls = (await readPlan().catch(() => [])).map((scrape) => scrape.roll);
      for (const roll of rolls) {
        const freshness = await readFreshness(roll);
        const interrupted = await findInterruptedRun(db, roll, now(), options.freshnessHours).catch(() => null);
        if (interrupted || freshness?.fresh === false) {
          await tick("start-up");
          return;
        }
      }
    })();
  }

  return {
    runNow: () => tick("manual"),
    checkFreshness,
    status: () => ({
      schedule: options.schedule,
      timeZone: options.timeZone,
      rolls: plannedRolls,
      nextRunAt: job.nextRun()?.toISOString() ?? null,
      running: current !== null,
      currentRunId,
      lastOutcome,
      stopping: abort.signal.aborted,
    }),
    stop: async () => {
      job.stop();
      freshnessJob.stop();
      abort.abort(new Error("the scheduler is stopping"));
      await startUp;
      await current;
    },
  };
}
