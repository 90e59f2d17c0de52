import type { Database } from "@/lib/db/client";
import type { ScrapeRun } from "@/lib/generated/prisma/client";

// The scheduler resumes an interrupted whole-roll run instead of starting over: one stopped by
// SIGTERM (cancelled), one whose process died (left running, or marked failed), one with failed
// tasks. Only while it is recent: an older run's finished tasks are stale, so a new run is better.

type RunState = Pick<ScrapeRun, "status" | "wholeRoll" | "startedAt">;

export function isResumable(run: RunState, now: Date, withinHours: number): boolean {
  // A queued run is the queue worker's to start.
  if (!run.wholeRoll || run.status === "succeeded" || run.status === "queued") return false;
  return now.getTime() - run.startedAt.getTime() <= withinHours * 3_600_000;
}

/** The roll's latest whole-roll run, when it is unfinished and recent enough to resume. */
export async function findInterruptedRun(db: Database, roll: string, now: Date, withinHours: number): Promise<ScrapeRun | null> {
  const latest = await db.prisma.scrapeRun.findFirst({ where: { roll, wholeRoll: true }, orderBy: { id: "desc" } });
  return latest && isResumable(latest, now, withinHours) ? latest : null;
}
