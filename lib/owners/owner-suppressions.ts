import type { Database } from "@/lib/db/client";
import type { OwnerSuppression } from "@/lib/generated/prisma/client";
import type { Queryable } from "@/lib/valuations/queryable";
import type { OwnerField } from "@/lib/valuations/serialise-valuation";
import type { ValuationRow } from "@/lib/valuations/valuation-row";

// The suppression list: properties whose owners asked that their names be withheld. Everywhere a
// name could appear (property page, detail resource, and under OWNER_NAMES=full lists, exports and
// owner search) a suppressed property's owners are left out.

/** True when the row `alias` (a valuations row) is on the suppression list: for SQL. */
export function suppressedCondition(alias: string): string {
  return `EXISTS (SELECT 1 FROM owner_suppressions s WHERE s.roll = ${alias}.roll AND s.title_type = ${alias}.title_type AND s.rate_number = ${alias}.rate_number)`;
}

/** Of these valuation ids, the suppressed ones. */
export async function suppressedIds(db: Queryable, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: number }>(
    `SELECT v.id FROM valuations v WHERE v.id = ANY($1::bigint[]) AND ${suppressedCondition("v")}`,
    [ids],
  );
  return new Set(rows.map((row) => Number(row.id)));
}

/**
 * How each row of a list or export shows its owner: never when lists carry no names; otherwise the
 * name, or null for a suppressed property (one query for the batch).
 */
export async function listOwnerFields(db: Queryable, rows: readonly ValuationRow[], inLists: boolean): Promise<OwnerField[]> {
  if (!inLists) return rows.map(() => "omit");
  const suppressed = await suppressedIds(db, rows.map((row) => row.id));
  return rows.map((row) => (suppressed.has(Number(row.id)) ? "withhold" : "include"));
}

export type SuppressionKey = { roll: string; titleType: "full" | "sectional"; rateNumber: string };

/** The property is on the roll (removed ones included): an entry for one that is not is refused as a likely typo. */
export async function valuationExists(db: Queryable, key: SuppressionKey): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM valuations WHERE roll = $1 AND title_type = $2::title_type AND rate_number = $3`, [
    key.roll,
    key.titleType,
    key.rateNumber,
  ]);
  return rows.length > 0;
}

export async function listSuppressions(db: Database): Promise<OwnerSuppression[]> {
  return db.prisma.ownerSuppression.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

const RETURNED = `id, roll, title_type AS "titleType", rate_number AS "rateNumber", reason, created_by AS "createdBy", created_at AS "createdAt"`;

/** Adds an entry; null when the property is already on the list (the existing entry is kept). */
export async function addSuppression(db: Database, entry: SuppressionKey & { reason: string; createdBy: string }): Promise<OwnerSuppression | null> {
  const { rows } = await db.pool.query<OwnerSuppression>(
    `INSERT INTO owner_suppressions (roll, title_type, rate_number, reason, created_by)
     VALUES ($1, $2::title_type, $3, $4, $5)
     ON CONFLICT (roll, title_type, rate_number) DO NOTHING
     RETURNING ${RETURNED}`,
    [entry.roll, entry.titleType, entry.rateNumber, entry.reason, entry.createdBy],
  );
  return rows[0] ?? null;
}

/** Removes an entry: the removed entry, or null when there was none. */
export async function removeSuppression(db: Database, id: number): Promise<OwnerSuppression | null> {
  const { rows } = await db.pool.query<OwnerSuppression>(`DELETE FROM owner_suppressions WHERE id = $1 RETURNING ${RETURNED}`, [id]);
  return rows[0] ?? null;
}
