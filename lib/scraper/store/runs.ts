import type { Database } from "@/lib/db/client";
import type { Prisma, ScrapeRun, ScrapeTask } from "@/lib/generated/prisma/client";
import type { TitleType } from "@/lib/generated/prisma/enums";
import type { ScrapeOptions } from "../scrape-options";

// Bookkeeping of runs and tasks. The per-task write (rows + task + run counters) is in
// store-task-result.ts, in one transaction with the rows.

/** A run whose heartbeat is older than this is taken to be dead (its process stopped). */
export const STALE_HEARTBEAT_MS = 60_000;

export class RunInProgressError extends Error {
  override name = "RunInProgressError";
}

export async function createRun(db: Database, options: ScrapeOptions): Promise<ScrapeRun> {
  const { dryRun: _dryRun, ...stored } = options;
  return db.prisma.scrapeRun.create({
    data: {
      roll: options.roll,
      trigger: options.trigger,
      triggeredBy: options.triggeredBy ?? null,
      baseUrl: options.baseUrl,
      options: stored as Prisma.InputJsonValue,
      wholeRoll: options.suburbIds === undefined,
    },
  });
}

/** Runs left "running" by a process that died. Call only while holding the roll's lock. */
export async function markAbandonedRuns(db: Database, roll: string): Promise<number> {
  const { count } = await db.prisma.scrapeRun.updateMany({
    where: { roll, status: "running" },
    data: { status: "failed", finishedAt: new Date(), error: "interrupted: the process running it stopped before it finished (resume it with --resume)" },
  });
  return count;
}

export async function findResumableRun(db: Database, roll: string, runId: number | "latest"): Promise<ScrapeRun> {
  const run =
    runId === "latest"
      ? await db.prisma.scrapeRun.findFirst({ where: { roll, status: { in: ["failed", "cancelled"] } }, orderBy: { id: "desc" } })
      : await db.prisma.scrapeRun.findUnique({ where: { id: runId } });
  if (!run) throw new Error(runId === "latest" ? `there is no unfinished run of ${roll} to resume` : `there is no run #${runId}`);
  if (run.roll !== roll) throw new Error(`run #${run.id} is a run of ${run.roll}, not ${roll}`);
  if (run.status === "succeeded") throw new Error(`run #${run.id} finished successfully; there is nothing to resume`);
  return run;
}

export async function reopenRun(db: Database, runId: number): Promise<ScrapeRun> {
  await db.prisma.scrapeTask.updateMany({ where: { runId, status: { in: ["running", "failed"] } }, data: { status: "pending" } });
  return db.prisma.scrapeRun.update({
    where: { id: runId },
    data: { status: "running", finishedAt: null, error: null, cancelRequestedAt: null, heartbeatAt: new Date(), tasksFailed: 0 },
  });
}

export async function findRunningRun(db: Database, roll: string): Promise<ScrapeRun | null> {
  return db.prisma.scrapeRun.findFirst({ where: { roll, status: "running" }, orderBy: { id: "desc" } });
}

export async function planTasks(
  db: Database,
  runId: number,
  tasks: { titleType: TitleType; suburbId: string; suburbName: string }[],
  sourceDates: Prisma.InputJsonValue,
): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.scrapeTask.createMany({ data: tasks.map((task) => ({ runId, ...task })), skipDuplicates: true }),
    db.prisma.scrapeRun.update({ where: { id: runId }, data: { tasksTotal: tasks.length, sourceDates } }),
  ]);
}

export async function pendingTasks(db: Database, runId: number): Promise<ScrapeTask[]> {
  return db.prisma.scrapeTask.findMany({ where: { runId, status: "pending" }, orderBy: { id: "asc" } });
}

export async function startTask(db: Database, taskId: number): Promise<void> {
  await db.prisma.scrapeTask.update({
    where: { id: taskId },
    data: { status: "running", attempts: { increment: 1 }, startedAt: new Date(), error: null },
  });
}

export async function failTask(db: Database, task: { id: number; runId: number }, error: string, url: string | null): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.scrapeTask.update({ where: { id: task.id }, data: { status: "failed", error, url, finishedAt: new Date() } }),
    db.prisma.scrapeRun.update({ where: { id: task.runId }, data: { tasksFailed: { increment: 1 } } }),
  ]);
}

/** Keeps the run visibly alive, and tells whether someone asked it to stop. */
export async function heartbeat(db: Database, runId: number): Promise<{ cancelRequested: boolean }> {
  const run = await db.prisma.scrapeRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } });
  return { cancelRequested: run.cancelRequestedAt !== null };
}

export async function requestCancel(db: Database, runId: number): Promise<ScrapeRun> {
  return db.prisma.scrapeRun.update({ where: { id: runId }, data: { cancelRequestedAt: new Date() } });
}

export async function recordAnomaly(db: Database, runId: number, anomaly: Prisma.InputJsonValue): Promise<void> {
  await db.pool.query(`UPDATE scrape_runs SET anomalies = anomalies || jsonb_build_array($2::jsonb) WHERE id = $1`, [
    runId,
    JSON.stringify(anomaly),
  ]);
}

export async function finishRun(
  db: Database,
  runId: number,
  outcome: { status: "succeeded" | "failed" | "cancelled"; error?: string; complete?: boolean; rowsRemoved?: number },
): Promise<ScrapeRun> {
  return db.prisma.scrapeRun.update({
    where: { id: runId },
    data: {
      status: outcome.status,
      error: outcome.error ?? null,
      complete: outcome.complete ?? false,
      rowsRemoved: outcome.rowsRemoved ?? 0,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    },
  });
}

/** The last run of the roll (not this one) whose cross-check ran and agreed, and when it finished. */
export async function lastAgreedCrossCheck(db: Database, roll: string, exceptRunId: number): Promise<{ runId: number; finishedAt: Date } | null> {
  const { rows } = await db.pool.query<{ id: number; finished_at: Date }>(
    `SELECT id, finished_at FROM scrape_runs
      WHERE roll = $1 AND id <> $2 AND status = 'succeeded' AND finished_at IS NOT NULL
        AND cross_check->>'ran' = 'true' AND cross_check->>'agreed' = 'true'
      ORDER BY finished_at DESC LIMIT 1`,
    [roll, exceptRunId],
  );
  const row = rows[0];
  return row ? { runId: row.id, finishedAt: row.finished_at } : null;
}

export async function recordCrossCheck(db: Database, runId: number, crossCheck: { rowsVerified: number }): Promise<void> {
  await db.pool.query(`UPDATE scrape_runs SET cross_check = $2::jsonb, rows_verified = $3 WHERE id = $1`, [
    runId,
    JSON.stringify(crossCheck),
    crossCheck.rowsVerified,
  ]);
}

/** Tasks whose answer still carried the banner after the split by volume. */
export async function unverifiedTasks(db: Database, runId: number): Promise<ScrapeTask[]> {
  return db.prisma.scrapeTask.findMany({ where: { runId, verifiedBy: "unverified" }, orderBy: { id: "asc" } });
}
