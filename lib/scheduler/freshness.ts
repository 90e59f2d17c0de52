import type { Pool, PoolClient } from "pg";

// How old the data is: the finish of the last successful whole-roll scrape of a roll. A partial
// run (a few suburbs) does not make the roll fresh. Used by /api/ready and the scheduler.

export type Freshness = { fresh: boolean; lastSuccessAt: Date | null; ageHours: number | null; maxAgeHours: number };

export function assessFreshness(lastSuccessAt: Date | null, now: Date, maxAgeHours: number): Freshness {
  if (!lastSuccessAt) return { fresh: false, lastSuccessAt: null, ageHours: null, maxAgeHours };
  const ageHours = Math.max(0, (now.getTime() - lastSuccessAt.getTime()) / 3_600_000);
  return { fresh: ageHours <= maxAgeHours, lastSuccessAt, ageHours: Math.round(ageHours * 10) / 10, maxAgeHours };
}

export async function lastSuccessfulScrape(sql: Pool | PoolClient, roll: string): Promise<Date | null> {
  const { rows } = await sql.query<{ finished_at: Date | null }>(
    `SELECT max(finished_at) AS finished_at FROM scrape_runs WHERE roll = $1 AND status = 'succeeded' AND whole_roll`,
    [roll],
  );
  return rows[0]?.finished_at ?? null;
}
