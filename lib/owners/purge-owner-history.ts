import type { OwnerNamesMode } from "@/lib/config";
import type { Queryable } from "@/lib/valuations/queryable";
import { ownerPolicy } from "./owner-policy";
import { OWNER_FIELD } from "./redact-owner-names";

// Retention of owner names in the change history: under OWNER_NAMES=full, records older than
// OWNER_HISTORY_DAYS lose the names (keeping "owner changed"); under any other mode every record
// does (names written while a deployment ran under full). The cron process runs it at start-up and
// after each scheduled scrape. One pass over the history: fine nightly, not per request.

export type OwnerHistoryRetention = { ownerNames: OwnerNamesMode; ownerHistoryDays: number; now?: Date };

/** Takes owner names out of the change records past retention; returns how many records changed. */
export async function purgeOwnerHistory(db: Queryable, retention: OwnerHistoryRetention): Promise<number> {
  const now = retention.now ?? new Date();
  const cutoff = ownerPolicy(retention.ownerNames).inHistory ? new Date(now.getTime() - retention.ownerHistoryDays * 86_400_000) : null;
  const { rowCount } = await db.query(
    `UPDATE valuation_changes SET before = before - $2::text, after = after - $2::text
      WHERE ($1::timestamptz IS NULL OR changed_at < $1) AND (before ? $2::text OR after ? $2::text)`,
    [cutoff, OWNER_FIELD],
  );
  return rowCount ?? 0;
}
