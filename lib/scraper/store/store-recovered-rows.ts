import type { Database } from "@/lib/db/client";
import type { TitleType } from "@/lib/generated/prisma/enums";
import type { NormalisedValuation } from "../normalise-row";
import { inTransaction } from "./in-transaction";
import { upsertValuations, type UpsertCounts } from "./upsert-valuations";

// Rows a second look found that the suburb pass did not (the cross-check's volume pass, or a
// removal candidate the site still lists): stored as this run's, with the run's counters, in one
// transaction. upsertValuations takes one suburb at a time, so the rows are written suburb by suburb.

export async function storeRecoveredRows(
  db: Database,
  input: { runId: number; roll: string; titleType: TitleType; rows: readonly NormalisedValuation[] },
): Promise<UpsertCounts> {
  const totals: UpsertCounts = { added: 0, changed: 0, unchanged: 0, restored: 0 };
  if (input.rows.length === 0) return totals;
  const bySuburb = new Map<string, NormalisedValuation[]>();
  for (const row of input.rows) bySuburb.set(row.suburbId, [...(bySuburb.get(row.suburbId) ?? []), row]);
  return inTransaction(db.pool, async (client) => {
    for (const rows of bySuburb.values()) {
      const counts = await upsertValuations(client, { runId: input.runId, roll: input.roll, titleType: input.titleType, rows, now: new Date() });
      totals.added += counts.added;
      totals.changed += counts.changed;
      totals.unchanged += counts.unchanged;
      totals.restored += counts.restored;
    }
    await client.query(
      `UPDATE scrape_runs SET rows_seen = rows_seen + $2, rows_added = rows_added + $3, rows_changed = rows_changed + $4,
              rows_unchanged = rows_unchanged + $5, rows_recovered = rows_recovered + $2, heartbeat_at = now()
        WHERE id = $1`,
      [input.runId, input.rows.length, totals.added, totals.changed + totals.restored, totals.unchanged],
    );
    return totals;
  });
}
