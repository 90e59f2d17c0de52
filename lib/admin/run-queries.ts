import type { Database } from "@/lib/db/client";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import { runJson, type RunJson } from "./run-json";
import { workerStatus, type WorkerStatus } from "./worker-heartbeat";
import { runProgress, type RunProgress, type TaskCounts } from "./run-progress";
import { isActive } from "./run-state";

// Reading runs for the admin page and API: the history, and one run in detail.

export type FailedTaskJson = { titleType: string; suburbId: string; suburbName: string; url: string | null; error: string | null; attempts: number; finishedAt: string | null };
export type RunDetailJson = RunJson & { progress: RunProgress; failedTasks: FailedTaskJson[]; worker: WorkerStatus };

export async function listRuns(db: Database, options: { limit: number; before?: number | undefined }, now = Date.now()): Promise<{ data: RunJson[]; next: number | null }> {
  const runs = await db.prisma.scrapeRun.findMany({
    where: options.before === undefined ? {} : { id: { lt: options.before } },
    orderBy: { id: "desc" },
    take: options.limit + 1,
  });
  const page = runs.slice(0, options.limit);
  return { data: page.map((run) => runJson(run, now)), next: runs.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function findRun(db: Database, id: number): Promise<ScrapeRun | null> {
  return db.prisma.scrapeRun.findUnique({ where: { id } });
}

export async function runDetail(db: Database, id: number, workerStaleMs: number, now = Date.now()): Promise<RunDetailJson | null> {
  const run = await findRun(db, id);
  if (!run) return null;
  const { rows: counts } = await db.pool.query<TaskCounts>(
    `SELECT title_type::text AS "titleType", status::text AS status, count(*)::int AS tasks, coalesce(sum(parsed_rows), 0)::int AS rows
       FROM scrape_tasks WHERE run_id = $1 GROUP BY title_type, status`,
    [id],
  );
  const failed = await db.prisma.scrapeTask.findMany({ where: { runId: id, status: "failed" }, orderBy: { finishedAt: "desc" }, take: 20 });
  const json = runJson(run, now);
  // A run the worker claimed is measured from the claim (its start or resume); others from their start.
  const progress = runProgress({
    counts,
    tasksTotal: run.tasksTotal,
    rowsSeen: run.rowsSeen,
    since: run.claimedAt ?? run.startedAt,
    tasksAtStart: run.claimedAt ? run.claimTasksDone : 0,
    rowsAtStart: run.claimedAt ? run.claimRowsSeen : 0,
    active: isActive(json.state),
    now,
  });
  return {
    ...json,
    progress,
    worker: await workerStatus(db.pool, workerStaleMs),
    failedTasks: failed.map((task) => ({
      titleType: task.titleType,
      suburbId: task.suburbId,
      suburbName: task.suburbName,
      url: task.url,
      error: task.error,
      attempts: task.attempts,
      finishedAt: task.finishedAt?.toISOString() ?? null,
    })),
  };
}

/** The suburbs a run can be limited to: those planned for the roll most recently, else those with rows. */
export async function suburbChoices(db: Database, roll: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.pool.query<{ id: string; name: string }>(
    `WITH latest AS (SELECT id FROM scrape_runs WHERE roll = $1 AND tasks_total > 0 ORDER BY id DESC LIMIT 1)
     SELECT DISTINCT suburb_id AS id, suburb_name AS name FROM scrape_tasks WHERE run_id IN (SELECT id FROM latest)
     UNION
     SELECT DISTINCT suburb_id, suburb_name FROM valuations WHERE roll = $1 AND NOT EXISTS (SELECT 1 FROM latest)
     ORDER BY name, id`,
    [roll],
  );
  return rows;
}
