import { buildFilterConditions, type SearchOptions } from "./build-filter-conditions";
import type { CursorPosition } from "./cursor";
import type { ValuationFilters } from "./list-query-schema";
import { buildRelevancePageQuery } from "./relevance-page-query";
import { SORT_FIELDS, type Sort, type SortValueType } from "./sort-fields";
import { SqlParams, type SqlQuery } from "./sql-params";
import { selectColumns, type ValuationRow } from "./valuation-row";

// One page of a listing as one statement, keyset-paginated on (sort key, id).
// A nullable sort column pages through its rows with a value first, then the empty ones, in either
// direction: two index range scans (each LIMITed) glued with UNION ALL, so no row is skipped or
// repeated when a page ends on the boundary.

export type PageRow = ValuationRow & { _phase?: number; _rank?: number };

export type PageRequest = {
  filters: ValuationFilters;
  sort: Sort;
  /** Rows to fetch (the caller asks for one more than it shows, to know whether a next page exists). */
  limit: number;
  after?: CursorPosition;
};

const CASTS: Record<SortValueType, string> = {
  text: "text",
  integer: "integer",
  bigint: "bigint",
  numeric: "numeric",
  timestamptz: "timestamptz",
  title_type: "title_type",
};

export function buildPageQuery(request: PageRequest, options: SearchOptions): SqlQuery {
  const { sort, after } = request;
  if (sort.kind === "relevance") {
    const { q } = request.filters;
    if (q === undefined) throw new Error("relevance sort needs q");
    const position = after?.kind === "relevance" ? { rank: after.rank, id: after.id } : undefined;
    return buildRelevancePageQuery({ filters: { ...request.filters, q }, limit: request.limit, ...(position ? { after: position } : {}) }, options);
  }

  const params = new SqlParams();
  const where = buildFilterConditions(request.filters, params, options);
  const limit = params.add(request.limit, "integer");
  const columns = selectColumns("v");
  const field = SORT_FIELDS[sort.field];
  const column = `v.${field.column}`;
  const direction = sort.descending ? "DESC" : "ASC";
  const comparison = sort.descending ? "<" : ">";
  const position = after?.kind === "field" ? after : undefined;

  const valuedConditions = [...where];
  if (field.nullable) valuedConditions.push(`${column} IS NOT NULL`);
  if (position?.phase === 0) {
    valuedConditions.push(
      `(${column}, v.id) ${comparison} (${params.add(position.value, CASTS[field.type])}, ${params.add(position.id, "bigint")})`,
    );
  }
  const valued = `SELECT 0 AS _phase, ${columns} FROM valuations v WHERE ${valuedConditions.join(" AND ")}
ORDER BY ${column} ${direction}, v.id ${direction} LIMIT ${limit}`;
  if (!field.nullable) return { text: valued, values: params.values };

  const emptyConditions = [...where, `${column} IS NULL`];
  if (position?.phase === 1) emptyConditions.push(`v.id ${comparison} ${params.add(position.id, "bigint")}`);
  const empty = `SELECT 1 AS _phase, ${columns} FROM valuations v WHERE ${emptyConditions.join(" AND ")}
ORDER BY ${column} ${direction}, v.id ${direction} LIMIT ${limit}`;
  const parts = position?.phase === 1 ? [empty] : [valued, empty];
  return {
    text: `SELECT * FROM (${parts.map((part) => `(${part})`).join(" UNION ALL ")}) page
ORDER BY page._phase, page.${field.column} ${direction}, page.id ${direction} LIMIT ${limit}`,
    values: params.values,
  };
}

export function buildCountQuery(filters: ValuationFilters, options: SearchOptions): SqlQuery {
  const params = new SqlParams();
  const where = buildFilterConditions(filters, params, options);
  return { text: `SELECT count(*) AS total FROM valuations v WHERE ${where.join(" AND ")}`, values: params.values };
}

/** Where a page that ends with `row` stopped. */
export function positionAfter(row: PageRow, sort: Sort): CursorPosition {
  if (sort.kind === "relevance") {
    // Within a tier the order is (rate number, id); the rate number is read back from the id.
    return { kind: "relevance", rank: row._rank ?? 3, score: 0, id: row.id };
  }
  const field = SORT_FIELDS[sort.field];
  const raw = row[field.column as keyof ValuationRow] as unknown;
  if (row._phase === 1 || raw === null) return { kind: "field", phase: 1, value: null, id: row.id };
  const value = raw instanceof Date ? raw.toISOString() : (raw as string | number);
  return { kind: "field", phase: 0, value, id: row.id };
}
