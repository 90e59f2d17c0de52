import type { Database } from "@/lib/db/client";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { runScrape, type ScrapeSummary } from "@/lib/scraper/run-scrape";
import type { ScrapeOptions } from "@/lib/scraper/scrape-options";

// Scrapes started from the admin area run inside the web server process, detached from the request
// that started them: the request gets the run row as soon as it exists, and the run's promise is
// kept here (on globalThis, so a dev-server reload does not lose it) until it ends. The same engine
// and the same per-roll lock as the CLI: a second start fails with RunInProgressError.

type BackgroundRun = { promise: Promise<ScrapeSummary>; at: Date; tasksDone: number; rowsSeen: number };
const registry = ((globalThis as unknown as { __adminBackgroundRuns?: Map<number, BackgroundRun> }).__adminBackgroundRuns ??= new Map());

/** Admin runs beat every second, so a cancel from any instance is seen within about a second. */
export const ADMIN_HEARTBEAT_MS = 1_000;

export type StartBackgroundRunInput = { db: Database; options: ScrapeOptions; resume?: number; log: Logger; heartbeatMs?: number };

/** Starts (or resumes) a run and resolves with its row once it exists; the work goes on after that. */
export function startBackgroundRun(input: StartBackgroundRunInput): Promise<ScrapeRun> {
  return new Promise<ScrapeRun>((resolve, reject) => {
    let created: ScrapeRun | null = null;
    const promise: Promise<ScrapeSummary> = runScrape({
      db: input.db,
      options: input.options,
      ...(input.resume === undefined ? {} : { resume: input.resume }),
      log: input.log,
      heartbeatMs: input.heartbeatMs ?? ADMIN_HEARTBEAT_MS,
      onRunCreated: (run) => {
        created = run;
        registry.set(run.id, { promise, at: new Date(), tasksDone: run.tasksDone, rowsSeen: run.rowsSeen });
        resolve(run);
      },
    });
    promise.then(
      (summary) => {
        input.log.info("background scrape ended", {
          runId: summary.runId,
          status: summary.status,
          tasksDone: summary.tasksDone,
          tasksFailed: summary.tasksFailed,
          rowsSeen: summary.rowsSeen,
          error: summary.error,
        });
      },
      (error: Error) => {
        if (created) input.log.error("background scrape crashed", { runId: created.id, error: error.message });
        else reject(error);
      },
    );
    promise.finally(() => created && registry.delete(created.id)).catch(() => {});
  });
}

/** When this process (re)started the run, and how far it had got then; null for runs of other processes. */
export function backgroundRunStart(runId: number): { at: Date; tasksDone: number; rowsSeen: number } | null {
  const entry = registry.get(runId);
  return entry ? { at: entry.at, tasksDone: entry.tasksDone, rowsSeen: entry.rowsSeen } : null;
}

/** Waits for every run this process started (tests, and a graceful shutdown). */
export async function settleBackgroundRuns(): Promise<void> {
  await Promise.allSettled([...registry.values()].map((entry) => entry.promise));
}
