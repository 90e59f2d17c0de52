import type { Database } from "@/lib/db/client";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { RunInProgressError, findRunningRun, requestCancel } from "@/lib/scraper/store/runs";
import { startBackgroundRun } from "./background-runs";
import { runState, type RunState } from "./run-state";
import type { StartRunInput } from "./start-run-input";

// Start, resume and cancel, as outcomes the route handlers turn into answers.

export type StartOutcome = { kind: "started"; run: ScrapeRun } | { kind: "busy"; message: string; running: ScrapeRun | null };
export type ResumeOutcome = StartOutcome | { kind: "not-found" } | { kind: "not-resumable"; state: RunState };
export type CancelOutcome = { kind: "cancelling"; run: ScrapeRun } | { kind: "not-found" } | { kind: "not-running"; run: ScrapeRun; state: RunState };

type Who = { db: Database; log: Logger; triggeredBy: string; heartbeatMs?: number };

async function inBackground(who: Who, launch: () => Promise<ScrapeRun>, roll: string): Promise<StartOutcome> {
  try {
    return { kind: "started", run: await launch() };
  } catch (error) {
    if (!(error instanceof RunInProgressError)) throw error;
    return { kind: "busy", message: error.message, running: await findRunningRun(who.db, roll) };
  }
}

export function startRun(who: Who, input: StartRunInput): Promise<StartOutcome> {
  const options = resolveScrapeOptions({
    roll: input.roll,
    ...(input.titleTypes ? { titleTypes: input.titleTypes } : {}),
    ...(input.suburbIds ? { suburbIds: input.suburbIds } : {}),
    details: input.details,
    ...(input.detailsBudget === undefined ? {} : { detailsBudget: input.detailsBudget }),
    trigger: "admin",
    triggeredBy: who.triggeredBy,
  });
  return inBackground(who, () => startBackgroundRun({ db: who.db, options, log: who.log, ...(who.heartbeatMs ? { heartbeatMs: who.heartbeatMs } : {}) }), input.roll);
}

export async function resumeRun(who: Who, id: number, now = Date.now()): Promise<ResumeOutcome> {
  const run = await who.db.prisma.scrapeRun.findUnique({ where: { id } });
  if (!run) return { kind: "not-found" };
  const state = runState(run, now);
  if (state === "running" || state === "cancelling" || state === "succeeded") return { kind: "not-resumable", state };
  // The stored options decide what is scraped; only politeness comes from the current configuration.
  const options = resolveScrapeOptions({ roll: run.roll as StartRunInput["roll"], baseUrl: run.baseUrl, trigger: "admin", triggeredBy: who.triggeredBy });
  return inBackground(
    who,
    () => startBackgroundRun({ db: who.db, options, resume: id, log: who.log, ...(who.heartbeatMs ? { heartbeatMs: who.heartbeatMs } : {}) }),
    run.roll,
  );
}

export async function cancelRun(db: Database, id: number, now = Date.now()): Promise<CancelOutcome> {
  const run = await db.prisma.scrapeRun.findUnique({ where: { id } });
  if (!run) return { kind: "not-found" };
  const state = runState(run, now);
  if (state !== "running" && state !== "cancelling") return { kind: "not-running", run, state };
  return { kind: "cancelling", run: await requestCancel(db, id) };
}
