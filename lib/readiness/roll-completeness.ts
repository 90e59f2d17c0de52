import type { PoolClient } from "pg";

// How the last whole-roll run proved the roll complete, and when the cross-check by volume last
// agreed with the suburb pass: reported by /api/ready without gating readiness.

export type Completeness = {
  /** The last successful whole-roll run, and whether it was proven complete (removals applied). */
  lastRun: {
    id: number;
    finishedAt: string;
    complete: boolean;
    rowsVerified: number;
    rowsRecovered: number;
    oddCells: number;
    crossCheck: { ran: boolean; agreed: boolean | null; reason: string } | null;
  } | null;
  /** When the cross-check by volume last agreed with the suburb pass (null: never). */
  lastAgreedCrossCheckAt: string | null;
};

type LastRunRow = {
  id: number;
  finished_at: Date;
  complete: boolean;
  rows_verified: number;
  rows_recovered: number;
  odd_cells: number;
  cross_check: { ran?: boolean; agreed?: boolean | null; reason?: string } | null;
};

export async function readCompleteness(client: PoolClient, roll: string): Promise<Completeness> {
  const { rows } = await client.query<LastRunRow>(
    `SELECT id, finished_at, complete, rows_verified, rows_recovered, odd_cells, cross_check FROM scrape_runs
      WHERE roll = $1 AND status = 'succeeded' AND whole_roll AND finished_at IS NOT NULL
      ORDER BY finished_at DESC LIMIT 1`,
    [roll],
  );
  const { rows: agreed } = await client.query<{ finished_at: Date | null }>(
    `SELECT max(finished_at) AS finished_at FROM scrape_runs
      WHERE roll = $1 AND status = 'succeeded' AND cross_check->>'agreed' = 'true'`,
    [roll],
  );
  const run = rows[0];
  const check = run?.cross_check;
  return {
    lastRun: run
      ? {
          id: run.id,
          finishedAt: run.finished_at.toISOString(),
          complete: run.complete,
          rowsVerified: run.rows_verified,
          rowsRecovered: run.rows_recovered,
          oddCells: run.odd_cells,
          crossCheck: check ? { ran: check.ran === true, agreed: check.agreed ?? null, reason: check.reason ?? "" } : null,
        }
      : null,
    lastAgreedCrossCheckAt: agreed[0]?.finished_at?.toISOString() ?? null,
  };
}
