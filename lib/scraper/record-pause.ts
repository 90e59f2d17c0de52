import type { Database } from "@/lib/db/client";

// The run row's view of an outage and of warnings, for the admin page and for a later look: when
// the next try is due while the site is down, the time spent paused, and what went wrong without
// failing the run.

export async function recordPauseStart(db: Database, runId: number, until: Date): Promise<void> {
  await db.pool.query("UPDATE scrape_runs SET paused_until = $2 WHERE id = $1", [runId, until]);
}

/** One pause over (its probe answered or not): its time is added, and the run is not paused until told again. */
export async function recordPauseEnd(db: Database, runId: number, pausedMs: number): Promise<void> {
  await db.pool.query("UPDATE scrape_runs SET paused_ms = paused_ms + $2, paused_until = NULL WHERE id = $1", [runId, Math.round(pausedMs)]);
}

export async function clearPause(db: Database, runId: number): Promise<void> {
  await db.pool.query("UPDATE scrape_runs SET paused_until = NULL WHERE id = $1 AND paused_until IS NOT NULL", [runId]);
}

export type RunWarning = { at: string; message: string };

export async function recordWarning(db: Database, runId: number, message: string): Promise<RunWarning> {
  const warning = { at: new Date().toISOString(), message };
  await db.pool.query("UPDATE scrape_runs SET warnings = warnings || jsonb_build_array($2::jsonb) WHERE id = $1", [runId, JSON.stringify(warning)]);
  return warning;
}
