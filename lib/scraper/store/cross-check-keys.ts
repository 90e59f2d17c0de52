import type { Pool, PoolClient } from "pg";
import type { TitleType } from "@/lib/generated/prisma/enums";

// The cross-check's memory lives in PostgreSQL, not in this process: every key the volume pass
// lists goes into a temporary table on one connection, so a 1M-row roll costs no heap. The
// comparisons with what the suburb pass stored (rows whose last_seen_run_id is this run) are joins.

export type RunScope = { roll: string; runId: number };
export type StoredPlace = { rateNumber: string; suburbId: string; suburbName: string };

export type CrossCheckKeys = {
  /** Records the keys one piece listed; returns those the suburb pass did not store in this run. */
  add: (titleType: TitleType, keys: readonly string[]) => Promise<string[]>;
  /** Rows the suburb pass stored in this run that no piece listed (few: each is looked at again). */
  lacking: (titleType: TitleType, limit: number) => Promise<StoredPlace[]>;
  /** Where the roll has (or had) these keys, in any run. */
  placesOf: (titleType: TitleType, keys: readonly string[]) => Promise<StoredPlace[]>;
  /** Live rows of this run for the title type. */
  rowsInRun: (titleType: TitleType) => Promise<number>;
  close: () => Promise<void>;
};

export async function openCrossCheckKeys(pool: Pool, scope: RunScope): Promise<CrossCheckKeys> {
  const client: PoolClient = await pool.connect();
  let broken = false;
  const query = async <T extends object>(sql: string, values: unknown[]) => {
    try {
      return (await client.query<T>(sql, values)).rows;
    } catch (error) {
      broken = true;
      throw error;
    }
  };
  await query(`CREATE TEMP TABLE IF NOT EXISTS cross_check_seen (title_type title_type NOT NULL, rate_number text NOT NULL, PRIMARY KEY (title_type, rate_number))`, []);
  await query(`TRUNCATE cross_check_seen`, []);
  return {
    add: async (titleType, keys) => {
      if (keys.length === 0) return [];
      const rows = await query<{ rate_number: string }>(
        `WITH k AS (SELECT DISTINCT unnest($3::text[]) AS rate_number),
              ins AS (INSERT INTO cross_check_seen SELECT $2::title_type, rate_number FROM k ON CONFLICT DO NOTHING)
         SELECT k.rate_number FROM k
          WHERE NOT EXISTS (SELECT 1 FROM valuations v
                             WHERE v.roll = $1 AND v.title_type = $2::title_type AND v.rate_number = k.rate_number
                               AND v.last_seen_run_id = $4 AND v.removed_at IS NULL)`,
        [scope.roll, titleType, keys, scope.runId],
      );
      return rows.map((row) => row.rate_number);
    },
    lacking: async (titleType, limit) => {
      const rows = await query<{ rate_number: string; suburb_id: string; suburb_name: string }>(
        `SELECT v.rate_number, v.suburb_id, v.suburb_name FROM valuations v
          WHERE v.roll = $1 AND v.title_type = $2::title_type AND v.last_seen_run_id = $3 AND v.removed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM cross_check_seen s WHERE s.title_type = $2::title_type AND s.rate_number = v.rate_number)
          ORDER BY v.rate_number LIMIT $4`,
        [scope.roll, titleType, scope.runId, limit],
      );
      return rows.map((row) => ({ rateNumber: row.rate_number, suburbId: row.suburb_id, suburbName: row.suburb_name }));
    },
    placesOf: async (titleType, keys) => {
      if (keys.length === 0) return [];
      const rows = await query<{ rate_number: string; suburb_id: string; suburb_name: string }>(
        `SELECT rate_number, suburb_id, suburb_name FROM valuations
          WHERE roll = $1 AND title_type = $2::title_type AND rate_number = ANY($3::text[])`,
        [scope.roll, titleType, keys],
      );
      return rows.map((row) => ({ rateNumber: row.rate_number, suburbId: row.suburb_id, suburbName: row.suburb_name }));
    },
    rowsInRun: async (titleType) => {
      const rows = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM valuations WHERE roll = $1 AND title_type = $2::title_type AND last_seen_run_id = $3 AND removed_at IS NULL`,
        [scope.roll, titleType, scope.runId],
      );
      return rows[0]?.n ?? 0;
    },
    close: async () => {
      if (!broken) await client.query("DROP TABLE IF EXISTS cross_check_seen").catch(() => (broken = true));
      client.release(broken);
    },
  };
}
