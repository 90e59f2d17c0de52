import type { OwnerNamesMode } from "@/lib/config";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { suppressedCondition } from "@/lib/owners/owner-suppressions";
import { buildFilterConditions } from "@/lib/valuations/build-filter-conditions";
import type { ValuationFilters } from "@/lib/valuations/list-query-schema";
import type { Queryable } from "@/lib/valuations/queryable";
import { SqlParams } from "@/lib/valuations/sql-params";
import type { ChangeKind, FeedChange, OwnerTelling } from "./describe-change";

// The newest recorded changes of the properties a feed follows, newest first.

export type FeedFilters = ValuationFilters & { scheme?: string };

export type FeedOwnerSettings = { ownerNames: OwnerNamesMode; ownerHistoryDays: number; now?: Date };

export type FeedEntryChange = FeedChange & {
  id: string;
  runId: number;
  changedAt: Date;
  property: FeedChange["property"] & { roll: string; titleType: "full" | "sectional" };
  owners: OwnerTelling;
};

type ChangeRow = {
  id: string;
  run_id: number;
  kind: ChangeKind;
  fields: string[] | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed_at: Date;
  roll: string;
  title_type: "full" | "sectional";
  rate_number: string;
  address: string;
  legal_description: string;
  suburb_name: string;
  owner_suppressed: boolean;
};

/**
 * Owner names follow the history's own rule (OWNER_NAMES=full, within OWNER_HISTORY_DAYS, not on the
 * suppression list); where owners are hidden altogether, an owner change is not told at all.
 */
export function ownerTelling(owners: FeedOwnerSettings, suppressed: boolean, changedAt: Date): OwnerTelling {
  if (owners.ownerNames === "hidden") return "omit";
  const namesSince = (owners.now ?? new Date()).getTime() - owners.ownerHistoryDays * 86_400_000;
  const names = ownerPolicy(owners.ownerNames).inHistory && !suppressed && changedAt.getTime() >= namesSince;
  return names ? "names" : "without-names";
}

export function feedChangesQuery(filters: FeedFilters, limit: number, ownerNames: OwnerNamesMode): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const conditions = buildFilterConditions(filters, params, { ownerSearch: ownerPolicy(ownerNames).search });
  if (filters.scheme !== undefined) conditions.push(`upper(v.scheme_name) = ${params.add(filters.scheme.toUpperCase())}`);
  // Where owners are hidden, a change of owner alone is no news to tell.
  if (ownerNames === "hidden") conditions.push(`NOT (c.kind = 'changed' AND c.fields <@ ARRAY['firstOwner'])`);
  const text = `SELECT c.id::text AS id, c.run_id, c.kind, c.fields, c.before, c.after, c.changed_at,
         v.roll, v.title_type, v.rate_number, v.address, v.legal_description, v.suburb_name,
         ${suppressedCondition("v")} AS owner_suppressed
    FROM valuations v
    JOIN valuation_changes c ON c.valuation_id = v.id
   WHERE ${conditions.join(" AND ")}
   ORDER BY c.changed_at DESC, c.id DESC
   LIMIT ${params.add(limit, "integer")}`;
  return { text, values: params.values };
}

export async function listFeedChanges(db: Queryable, filters: FeedFilters, limit: number, owners: FeedOwnerSettings): Promise<FeedEntryChange[]> {
  const query = feedChangesQuery(filters, limit, owners.ownerNames);
  const { rows } = await db.query<ChangeRow>(query.text, query.values);
  return rows.map((row) => ({
    id: row.id,
    runId: row.run_id,
    kind: row.kind,
    fields: row.fields ?? [],
    before: row.before,
    after: row.after,
    changedAt: row.changed_at,
    property: {
      roll: row.roll,
      titleType: row.title_type,
      rateNumber: row.rate_number,
      address: row.address,
      legalDescription: row.legal_description,
      suburbName: row.suburb_name,
    },
    owners: ownerTelling(owners, row.owner_suppressed, row.changed_at),
  }));
}
