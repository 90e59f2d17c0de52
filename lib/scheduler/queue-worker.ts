import { randomBytes } from "node:crypto";
import { hostname as osHostname } from "node:os";
import { claimQueuedRun, releaseClaim, requeueStoppedRun } from "@/lib/admin/run-queue";
import { beatWorker, endWorker } from "@/lib/admin/worker-heartbeat";
import type { Database } from "@/lib/db/client";
import type { Logger } from "@/lib/log";
import { runScrape, type ScrapeSummary } from "@/lib/scraper/run-scrape";
import type { ScrapeOptions } from "@/lib/scraper/scrape-options";
import { RunInProgressError } from "@/lib/scraper/store/runs";

// The worker half of the cron role: every `pollMs` it beats its heartbeat and claims the oldest
// queued admin run (FOR UPDATE SKIP LOCKED, so several workers never take the same one), then runs
// it with the scraper's resume under the roll's advisory lock, as the CLI would. A roll busy with
// another scrape gives the claim back for a later poll. stop() stops the run at a task boundary and
// puts it back in the queue, so a deploy or a scale-in hands it to the next worker.

/** Queued runs beat every second, so a cancel from any web instance is seen within about a second. */
export const QUEUED_RUN_HEARTBEAT_MS = 1_000;

export type QueueWorkerOptions = {
  db: Database;
  pollMs: number;
  /** Politeness (concurrency, delays, timeouts, user agent) for a run of `roll`: what it scrapes comes from the run. */
  politeness: (roll: string) => ScrapeOptions | Promise<ScrapeOptions>;
  log: Logger;
  hostname?: string;
  heartbeatMs?: number;
  onRunFinished?: (summary: ScrapeSummary) => void;
};

export type QueueWorker = {
  id: string;
  status: () => { workerId: string; currentQueuedRunId: number | null; stopping: boolean };
  /** Stops polling; a run in progress stops at a task boundary and goes back in the queue. */
  stop: () => Promise<void>;
};

export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const { db, log } = options;
  const host = options.hostname ?? osHostname();
  const id = `${host}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const abort = new AbortController();
  let current: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> = Promise.resolve();

  async function beat(): Promise<void> {
    await beatWorker(db.pool, { id, hostname: host }).catch((error: Error) => log.warn("could not beat the worker heartbeat", { error: error.message }));
  }

  async function runClaimed(claimed: { id: number; roll: string }): Promise<void> {
    current = claimed.id;
    const runLog = log.child({ runId: claimed.id, roll: claimed.roll });
    // A run cancelled (or re-queued elsewhere) between the claim and its start no longer names this worker.
    const notMine = new AbortController();
    try {
      const summary = await runScrape({
        db,
        options: await options.politeness(claimed.roll),
        resume: claimed.id,
        signal: AbortSignal.any([abort.signal, notMine.signal]),
        log: runLog,
        heartbeatMs: options.heartbeatMs ?? QUEUED_RUN_HEARTBEAT_MS,
        onRunCreated: (run) => {
          if (run.claimedBy !== id) notMine.abort(new Error("the run was cancelled before it started"));
          else runLog.info("queued run started");
        },
      });
      runLog.info("queued run ended", { status: summary.status, tasksDone: summary.tasksDone, tasksFailed: summary.tasksFailed, error: summary.error });
      if (abort.signal.aborted && (await requeueStoppedRun(db, claimed.id, id))) runLog.info("the worker is stopping: the run is back in the queue");
      options.onRunFinished?.(summary);
    } catch (error) {
      if (error instanceof RunInProgressError) {
        runLog.info("the roll is busy with another scrape; the run waits in the queue", { reason: error.message });
        await releaseClaim(db, claimed.id, id);
      } else {
        runLog.error("the queued run could not run", { error: (error as Error).message });
      }
    } finally {
      current = null;
    }
  }

  async function poll(): Promise<void> {
    await beat();
    if (abort.signal.aborted) return;
    let claimed: { id: number; roll: string } | null = null;
    try {
      claimed = await claimQueuedRun(db, id);
    } catch (error) {
      log.warn("could not look for queued runs", { error: (error as Error).message });
    }
    if (claimed) await runClaimed(claimed);
  }

  function schedule(): void {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      loop = poll().finally(schedule);
    }, options.pollMs);
  }

  // The heartbeat goes on while a run is in progress (poll() is busy with it then).
  const heartbeat = setInterval(() => {
    if (current !== null) void beat();
  }, options.pollMs);
  loop = poll().finally(schedule);

  return {
    id,
    status: () => ({ workerId: id, currentQueuedRunId: current, stopping: abort.signal.aborted }),
    stop: async () => {
      abort.abort(new Error("the worker is stopping"));
      clearTimeout(timer);
      clearInterval(heartbeat);
      await loop;
      await endWorker(db.pool, id).catch(() => {});
    },
  };
}
