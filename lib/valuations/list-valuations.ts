import { createHash } from "node:crypto";
import { listOwnerFields } from "@/lib/owners/owner-suppressions";
import { buildCountQuery, buildPageQuery, positionAfter, type PageRow } from "./build-list-query";
import type { SearchOptions } from "./build-filter-conditions";
import { decodeCursor, encodeCursor, queryFingerprint, type CursorPosition } from "./cursor";
import type { ListQuery, ValuationFilters } from "./list-query-schema";
import { memoPerDataVersion } from "./memo-per-data-version";
import type { Queryable } from "./queryable";
import { serialiseValuation } from "./serialise-valuation";
import type { Sort } from "./sort-fields";
import type { Valuation } from "./valuation-schema";

export type ListOptions = SearchOptions & {
  cursorSecret: string;
  /** Rows carry firstOwner (OWNER_NAMES=full; lib/owners/owner-policy.ts). */
  ownersInLists: boolean;
  /** The data version (versionAndAsAt's tag): given, the total is counted once per version and filters. */
  dataVersion?: string;
};
export type ListPage = { data: Valuation[]; nextCursor: string | null; total?: number };

/** Up to `limit` rows after `after`, and where the next batch starts (null when none is left). */
export async function readBatch(
  db: Queryable,
  request: { filters: ValuationFilters; sort: Sort; limit: number; after?: CursorPosition },
  options: SearchOptions,
): Promise<{ rows: PageRow[]; next: CursorPosition | null }> {
  const query = buildPageQuery({ ...request, limit: request.limit + 1 }, options);
  const { rows } = await db.query<PageRow>(query.text, query.values);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > request.limit && last ? positionAfter(last, request.sort) : null };
}

/** One page of a listing. Throws CursorError for a cursor that does not belong to this query. */
export async function listValuations(db: Queryable, query: ListQuery, options: ListOptions): Promise<ListPage> {
  // A cursor is bound to the owner settings too: one issued where names are listed is refused where they are not.
  const fingerprint = queryFingerprint(query.filters, query.sort, ownerScope(options));
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, fingerprint, query.sort, options.cursorSecret);
  const [batch, total] = await Promise.all([
    readBatch(db, { filters: query.filters, sort: query.sort, limit: query.limit, ...(after ? { after } : {}) }, options),
    query.total ? totalFor(db, query.filters, options) : Promise.resolve(undefined),
  ]);
  const owners = await listOwnerFields(db, batch.rows, options.ownersInLists);
  return {
    data: batch.rows.map((row, index) => serialiseValuation(row, owners[index]!)),
    nextCursor: batch.next ? encodeCursor(batch.next, fingerprint, query.sort, options.cursorSecret) : null,
    ...(total !== undefined ? { total } : {}),
  };
}

// A total is the one part of a listing whose cost grows with the roll (the blank search counts
// every row: 0.6 s at 1M), and the data version moves when a scrape run finishes, so totals are
// kept per version in this process. Like the ETag, a total does not follow the rows a running
// scrape writes until that run finishes. The bound keeps memory small.
const totals = memoPerDataVersion<number>(1000);

/** The key of a count: the filters in a stable order and the search options, hashed so that no search term is kept in memory. */
function countKey(filters: ValuationFilters, options: SearchOptions): string {
  const ordered = Object.entries(filters).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify([ordered, options.ownerSearch])).digest("base64url");
}

function ownerScope(options: ListOptions): string {
  return `owners:${options.ownersInLists ? "listed" : "unlisted"}:${options.ownerSearch ? "searched" : "unsearched"}`;
}

function totalFor(db: Queryable, filters: ValuationFilters, options: ListOptions): Promise<number> {
  if (options.dataVersion === undefined) return countValuations(db, filters, options);
  return totals(options.dataVersion, countKey(filters, options), () => countValuations(db, filters, options));
}

export async function countValuations(db: Queryable, filters: ValuationFilters, options: SearchOptions): Promise<number> {
  const query = buildCountQuery(filters, options);
  const { rows } = await db.query<{ total: number }>(query.text, query.values);
  return rows[0]?.total ?? 0;
}
