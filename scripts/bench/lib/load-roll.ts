import { performance } from "node:perf_hooks";
import type { Database } from "@/lib/db/client";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { createRun, finishRun, pendingTasks, planTasks } from "@/lib/scraper/store/runs";
import { storeTaskResult } from "@/lib/scraper/store/store-task-result";
import { startAutoAnalyze } from "./auto-analyze";
import { readRollRows, type TaskRows } from "./roll-rows";

// Stores a whole simulated roll through the scraper's own store (storeTaskResult, one transaction
// per task), as one scrape run, timing only the store calls (autovacuum's ANALYZE stood in for,
// see auto-analyze.ts).

export type LoadResult = { runId: number; rows: number; storeMs: number; added: number; changed: number; unchanged: number };

export async function loadRoll(db: Database, databaseUrl: string, rowsFile: string, baseUrl = "http://127.0.0.1:1/"): Promise<LoadResult> {
  const tasks: TaskRows[] = [];
  for await (const task of readRollRows(rowsFile)) tasks.push({ ...task, rows: [] });
  const run = await createRun(db, resolveScrapeOptions({ roll: "gv2022", baseUrl, delayMs: 0, trigger: "cli", triggeredBy: "benchmark" }));
  await planTasks(db, run.id, tasks.map(({ titleType, suburbId, suburbName }) => ({ titleType, suburbId, suburbName })), {});
  const ids = new Map((await pendingTasks(db, run.id)).map((task) => [`${task.titleType}:${task.suburbId}`, task.id]));

  const result: LoadResult = { runId: run.id, rows: 0, storeMs: 0, added: 0, changed: 0, unchanged: 0 };
  const analyzer = startAutoAnalyze(databaseUrl);
  try {
    for await (const task of readRollRows(rowsFile)) {
      const taskId = ids.get(`${task.titleType}:${task.suburbId}`);
      if (taskId === undefined) throw new Error(`no task planned for ${task.titleType} ${task.suburbId}`);
      const started = performance.now();
      const counts = await storeTaskResult(db, { runId: run.id, taskId, roll: "gv2022", titleType: task.titleType, url: task.url, expected: task.expected, rows: task.rows });
      result.storeMs += performance.now() - started;
      result.rows += task.rows.length;
      result.added += counts.added;
      result.changed += counts.changed + counts.restored;
      result.unchanged += counts.unchanged;
    }
  } finally {
    await analyzer.stop();
  }
  await finishRun(db, run.id, { status: "succeeded", complete: true });
  return result;
}
