import type { Database } from "@/lib/db/client";
import { assessFreshness, type Freshness } from "./freshness";
import { changeShare, isUnusualChange } from "./unusual-change";

// Is the data healthy? Rows per roll and title (now, and as each complete run found them), the
// last successful run of each roll, anomalies (a suburb that dropped to zero, a run that changed an
// unusual share of rows) and freshness against the schedule.

export type RowsAtRun = { runId: number; roll: string; titleType: string; at: Date; rows: number };
export type LiveRows = { roll: string; titleType: string; live: number; removed: number };
export type LastSuccess = { roll: string; runId: number; startedAt: Date; finishedAt: Date; trigger: string; wholeRoll: boolean };
export type SuburbDrop = { runId: number; roll: string; at: Date; titleType: string; suburbId: string; suburbName: string; rowsBefore: number };
export type UnusualRun = { runId: number; roll: string; at: Date; share: number; rowsSeen: number; rowsAdded: number; rowsChanged: number; rowsRemoved: number };

export type DataHealth = {
  live: LiveRows[];
  history: RowsAtRun[];
  lastSuccess: LastSuccess[];
  freshness: Freshness & { roll: string; schedule: string; timezone: string };
  suburbDrops: SuburbDrop[];
  unusualRuns: UnusualRun[];
};

export type DataHealthOptions = { roll: string; schedule: string; timezone: string; now: Date; runsBack?: number };

export async function dataHealth(db: Database, options: DataHealthOptions): Promise<DataHealth> {
  const runsBack = options.runsBack ?? 30;
  const [live, history, lastSuccess, drops, recent] = await Promise.all([
    db.pool.query<LiveRows>(
      `SELECT roll, title_type::text AS "titleType", count(*) FILTER (WHERE removed_at IS NULL)::int AS live,
              count(*) FILTER (WHERE removed_at IS NOT NULL)::int AS removed
         FROM valuations GROUP BY roll, title_type ORDER BY roll, title_type`,
    ),
    db.pool.query<RowsAtRun>(
      `WITH recent AS (
         SELECT id, roll, finished_at FROM scrape_runs WHERE status = 'succeeded' AND whole_roll ORDER BY finished_at DESC LIMIT $1)
       SELECT r.id AS "runId", r.roll, t.title_type::text AS "titleType", r.finished_at AS at, coalesce(sum(t.parsed_rows), 0)::int AS rows
         FROM recent r JOIN scrape_tasks t ON t.run_id = r.id
        GROUP BY r.id, r.roll, r.finished_at, t.title_type
        ORDER BY r.finished_at, t.title_type`,
      [runsBack * 2],
    ),
    db.pool.query<LastSuccess>(
      `SELECT DISTINCT ON (roll, whole_roll) roll, id AS "runId", started_at AS "startedAt", finished_at AS "finishedAt",
              trigger::text AS trigger, whole_roll AS "wholeRoll"
         FROM scrape_runs WHERE status = 'succeeded' AND finished_at IS NOT NULL ORDER BY roll, whole_roll, finished_at DESC`,
    ),
    db.pool.query<SuburbDrop>(
      `SELECT r.id AS "runId", r.roll, r.started_at AS at, a->>'titleType' AS "titleType", a->>'suburbId' AS "suburbId",
              a->>'suburbName' AS "suburbName", (a->>'rowsBefore')::int AS "rowsBefore"
         FROM (SELECT * FROM scrape_runs WHERE jsonb_array_length(anomalies) > 0 ORDER BY id DESC LIMIT $1) r,
              jsonb_array_elements(r.anomalies) a
        ORDER BY r.id DESC`,
      [runsBack],
    ),
    db.pool.query<UnusualRun & { hadEarlierSuccess: boolean }>(
      `SELECT r.id AS "runId", r.roll, r.finished_at AS at, r.rows_seen AS "rowsSeen", r.rows_added AS "rowsAdded",
              r.rows_changed AS "rowsChanged", r.rows_removed AS "rowsRemoved",
              EXISTS (SELECT 1 FROM scrape_runs p WHERE p.roll = r.roll AND p.status = 'succeeded' AND p.id < r.id) AS "hadEarlierSuccess"
         FROM scrape_runs r WHERE r.status = 'succeeded' ORDER BY r.id DESC LIMIT $1`,
      [runsBack],
    ),
  ]);
  // A run of a few suburbs does not make the roll fresh: only a whole-roll run does.
  const last = lastSuccess.rows.find((row) => row.roll === options.roll && row.wholeRoll) ?? null;
  const freshness = assessFreshness({
    lastSuccessStartedAt: last?.startedAt ?? null,
    lastSuccessFinishedAt: last?.finishedAt ?? null,
    schedule: options.schedule,
    timezone: options.timezone,
    now: options.now,
  });
  return {
    live: live.rows,
    history: history.rows,
    lastSuccess: latestPerRoll(lastSuccess.rows),
    freshness: { ...freshness, roll: options.roll, schedule: options.schedule, timezone: options.timezone },
    suburbDrops: drops.rows,
    unusualRuns: recent.rows
      .filter((run) => isUnusualChange(run))
      .map(({ hadEarlierSuccess: _earlier, ...run }) => ({ ...run, share: Math.round(changeShare(run) * 1000) / 1000 })),
  };
}

function latestPerRoll(rows: readonly LastSuccess[]): LastSuccess[] {
  const latest = new Map<string, LastSuccess>();
  for (const row of rows) {
    const known = latest.get(row.roll);
    if (!known || row.finishedAt > known.finishedAt) latest.set(row.roll, row);
  }
  return [...latest.values()].sort((a, b) => a.roll.localeCompare(b.roll));
}
