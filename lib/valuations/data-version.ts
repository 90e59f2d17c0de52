import type { Queryable } from "./queryable";

// What the public data's freshness hangs on: scrape runs. Every finished run may have written rows
// (a failed run keeps the suburbs it stored), so validators follow the latest finished run of any
// status; `asAt` (how current a roll is) follows the latest successful run of that roll.

export type DataVersion = { tag: string; lastModified: Date | null };

export async function dataVersion(db: Queryable): Promise<DataVersion> {
  const { rows } = await db.query<{ runs: number; last_id: number | null; last_finished: Date | null }>(
    `SELECT count(*)::integer AS runs, max(id) AS last_id, max(finished_at) AS last_finished
       FROM scrape_runs WHERE finished_at IS NOT NULL`,
  );
  const row = rows[0];
  const lastModified = row?.last_finished ?? null;
  return { tag: `${row?.runs ?? 0}-${row?.last_id ?? 0}-${lastModified?.getTime() ?? 0}`, lastModified };
}

export async function rollAsAt(db: Queryable, roll: string): Promise<Date | null> {
  const { rows } = await db.query<{ finished_at: Date }>(
    `SELECT finished_at FROM scrape_runs
      WHERE roll = $1 AND status = 'succeeded' AND finished_at IS NOT NULL
      ORDER BY finished_at DESC LIMIT 1`,
    [roll],
  );
  return rows[0]?.finished_at ?? null;
}
