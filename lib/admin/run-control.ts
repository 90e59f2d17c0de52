import type { Database } from "@/lib/db/client";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { scrapeOptionsForRoll } from "@/lib/rolls/roll-scrape-options";
import { NoBaseUrlError } from "@/lib/scraper/scrape-options";
import { requestCancel } from "@/lib/scraper/store/runs";
import { cancelQueuedRun, enqueueRun, requeueRun } from "./run-queue";
import { runState, type RunState } from "./run-state";
import type { StartRunInput } from "./start-run-input";
import { workerStatus, type WorkerStatus } from "./worker-heartbeat";

// Start, resume and cancel, as outcomes the route handlers turn into answers. The web process
// never scrapes: start and resume queue the run for the worker (the cron role), and say whether a
// worker is there to pick it up.

export type StartOutcome =
  | { kind: "queued"; run: ScrapeRun; worker: WorkerStatus }
  | { kind: "busy"; message: string; running: ScrapeRun | null }
  | { kind: "no-base-url"; message: string };
export type ResumeOutcome = StartOutcome | { kind: "not-found" } | { kind: "not-resumable"; state: RunState };
export type CancelOutcome = { kind: "cancelling"; run: ScrapeRun } | { kind: "not-found" } | { kind: "not-running"; run: ScrapeRun; state: RunState };

type Who = { db: Database; log: Logger; triggeredBy: string; workerStaleMs: number };

async function queued(who: Who, outcome: Awaited<ReturnType<typeof enqueueRun>>): Promise<StartOutcome> {
  if (outcome.kind === "busy") return outcome;
  const worker = await workerStatus(who.db.pool, who.workerStaleMs);
  who.log.info("scrape run queued", { runId: outcome.run.id, roll: outcome.run.roll, workerRunning: worker.running });
  return { kind: "queued", run: outcome.run, worker };
}

export async function startRun(who: Who, input: StartRunInput): Promise<StartOutcome> {
  const options = await scrapeOptionsForRoll(who.db, {
    roll: input.roll,
    ...(input.titleTypes ? { titleTypes: input.titleTypes } : {}),
    ...(input.suburbIds ? { suburbIds: input.suburbIds } : {}),
    details: input.details,
    ...(input.detailsBudget === undefined ? {} : { detailsBudget: input.detailsBudget }),
    trigger: "admin",
    triggeredBy: who.triggeredBy,
  }).catch((error: unknown) => {
    if (error instanceof NoBaseUrlError) return { kind: "no-base-url" as const, message: error.message };
    throw error;
  });
  if ("kind" in options) return options;
  return queued(who, await enqueueRun(who.db, options));
}

export async function resumeRun(who: Who, id: number, now = Date.now()): Promise<ResumeOutcome> {
  const run = await who.db.prisma.scrapeRun.findUnique({ where: { id } });
  if (!run) return { kind: "not-found" };
  const state = runState(run, now);
  if (state !== "interrupted" && state !== "failed" && state !== "cancelled") return { kind: "not-resumable", state };
  // The stored options decide what is scraped; the worker's configuration decides politeness.
  return queued(who, await requeueRun(who.db, run));
}

export async function cancelRun(db: Database, id: number, now = Date.now()): Promise<CancelOutcome> {
  const run = await db.prisma.scrapeRun.findUnique({ where: { id } });
  if (!run) return { kind: "not-found" };
  const state = runState(run, now);
  if (state === "queued") {
    const cancelled = await cancelQueuedRun(db, id);
    if (cancelled) return { kind: "cancelling", run: cancelled };
    // The worker started it in the meantime: ask the run to stop like any other.
    return { kind: "cancelling", run: await requestCancel(db, id) };
  }
  if (state !== "running" && state !== "cancelling") return { kind: "not-running", run, state };
  return { kind: "cancelling", run: await requestCancel(db, id) };
}
