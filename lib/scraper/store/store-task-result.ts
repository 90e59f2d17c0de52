import type { Database } from "@/lib/db/client";
import type { TitleType } from "@/lib/generated/prisma/enums";
import type { NormalisedValuation, OddCell } from "../normalise-row";
import { inTransaction } from "./in-transaction";
import { upsertValuations, type UpsertCounts } from "./upsert-valuations";

// A finished task is stored whole or not at all: its rows, the task's own row and the run's
// counters commit in one transaction. The commit stays synchronous: with synchronous_commit off a
// crash of the database could lose a task the scraper has counted as stored, and the run would
// then mark its rows removed.

export type TaskResult = {
  runId: number;
  taskId: number;
  roll: string;
  titleType: TitleType;
  url: string;
  expected: number;
  rows: NormalisedValuation[];
  /** How the task's answer was proven complete: "small", "volumes", "empty" or "unverified". */
  verifiedBy?: string;
  /** Rows only a second look (the volume re-read) found. */
  recovered?: number;
  oddCells?: OddCell[];
};

/** Odd cells the run keeps as examples for the run page; the rest are only counted. */
export const ODD_CELL_EXAMPLES = 5;

export async function storeTaskResult(db: Database, result: TaskResult): Promise<UpsertCounts> {
  return inTransaction(db.pool, async (client) => {
    const totals = await upsertValuations(client, {
      runId: result.runId,
      roll: result.roll,
      titleType: result.titleType,
      rows: result.rows,
      now: new Date(),
    });
    const changed = totals.changed + totals.restored;
    await client.query(
      `UPDATE scrape_tasks SET status = 'done', expected_rows = $2, parsed_rows = $3, rows_added = $4,
              rows_changed = $5, url = $6, verified_by = $7, error = NULL, finished_at = now()
        WHERE id = $1`,
      [result.taskId, result.expected, result.rows.length, totals.added, changed, result.url, result.verifiedBy ?? null],
    );
    const oddCells = result.oddCells ?? [];
    await client.query(
      `UPDATE scrape_runs SET tasks_done = tasks_done + 1, rows_seen = rows_seen + $2, rows_added = rows_added + $3,
              rows_changed = rows_changed + $4, rows_unchanged = rows_unchanged + $5, rows_recovered = rows_recovered + $6,
              odd_cells = odd_cells + $7,
              odd_cell_examples = CASE WHEN $7 = 0 OR jsonb_array_length(odd_cell_examples) >= $9 THEN odd_cell_examples
                ELSE (SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(odd_cell_examples || $8::jsonb) WITH ORDINALITY AS x(e, n) WHERE n <= $9) END,
              heartbeat_at = now()
        WHERE id = $1`,
      [
        result.runId,
        result.rows.length,
        totals.added,
        changed,
        totals.unchanged,
        result.recovered ?? 0,
        oddCells.length,
        JSON.stringify(oddCells.slice(0, ODD_CELL_EXAMPLES)),
        ODD_CELL_EXAMPLES,
      ],
    );
    return totals;
  });
}

/** How many rows the roll had in this suburb before: an empty answer for a suburb that had rows is an anomaly. */
export async function liveRowsInSuburb(db: Database, roll: string, titleType: TitleType, suburbId: string): Promise<number> {
  const { rows } = await db.pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM valuations
      WHERE roll = $1 AND title_type = $2::title_type AND suburb_id = $3 AND removed_at IS NULL`,
    [roll, titleType, suburbId],
  );
  return rows[0]?.count ?? 0;
}
