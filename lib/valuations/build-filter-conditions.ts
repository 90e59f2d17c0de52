import type { ValuationFilters } from "./list-query-schema";
import { containsCondition, likeCondition, substringPattern, type SearchOptions } from "./search-sql";
import { digitPrefixRange, indexedTerms, normaliseSearch, searchTerms } from "./search-terms";
import type { SqlParams } from "./sql-params";

export { relevanceExpressions, type SearchOptions } from "./search-sql";

// The WHERE conditions of a valuation query, one per filter, on table alias `v`. Each condition
// can be answered by an index: (roll, column, id) btrees, the search_text and first_owner trigram
// indexes.

export function buildFilterConditions(filters: ValuationFilters, params: SqlParams, options: SearchOptions): string[] {
  const conditions = nonSearchConditions(filters, params);
  if (filters.q !== undefined) conditions.push(...searchConditions(filters.q, params, options));
  return conditions;
}

/** Every condition but `q`'s, the roll's first. */
export function nonSearchConditions(filters: ValuationFilters, params: SqlParams): string[] {
  const conditions = [`v.roll = ${params.add(filters.roll)}`];
  if (!filters.includeRemoved) conditions.push("v.removed_at IS NULL");
  if (filters.title !== undefined) conditions.push(`v.title_type = ${params.add(filters.title, "title_type")}`);
  if (filters.rateNumber !== undefined) conditions.push(rateNumberCondition(filters.rateNumber, params));
  if (filters.suburb !== undefined) {
    conditions.push(
      /^\d+$/.test(filters.suburb)
        ? `v.suburb_id = ${params.add(filters.suburb)}`
        : `upper(v.suburb_name) = ${params.add(filters.suburb.toUpperCase())}`,
    );
  }
  if (filters.street !== undefined) conditions.push(asGivenOrCapitals("v.street_name", filters.street, params));
  if (filters.useCode !== undefined) conditions.push(`v.use_code = ${params.add(filters.useCode, "integer")}`);
  if (filters.ratingCategory !== undefined) conditions.push(`v.rating_category = ${params.add(filters.ratingCategory)}`);
  if (filters.minValue !== undefined) conditions.push(`v.market_value >= ${params.add(filters.minValue, "bigint")}`);
  if (filters.maxValue !== undefined) conditions.push(`v.market_value <= ${params.add(filters.maxValue, "bigint")}`);
  if (filters.minExtent !== undefined) conditions.push(`v.registered_extent >= ${params.add(filters.minExtent, "numeric")}`);
  if (filters.maxExtent !== undefined) conditions.push(`v.registered_extent <= ${params.add(filters.maxExtent, "numeric")}`);
  return conditions;
}

/** The columns the conditions of `filters` read, besides id, rate_number and search_text. */
export function conditionColumns(filters: ValuationFilters, options: SearchOptions): string[] {
  const columns = ["roll", "removed_at"];
  if (filters.title !== undefined) columns.push("title_type");
  if (filters.suburb !== undefined) columns.push("suburb_id", "suburb_name");
  if (filters.street !== undefined) columns.push("street_name");
  if (filters.useCode !== undefined) columns.push("use_code");
  if (filters.ratingCategory !== undefined) columns.push("rating_category");
  if (filters.minValue !== undefined || filters.maxValue !== undefined) columns.push("market_value");
  if (filters.minExtent !== undefined || filters.maxExtent !== undefined) columns.push("registered_extent");
  // Owner search also reads the suppression list's key (lib/owners/owner-suppressions.ts).
  if (options.ownerSearch && filters.q !== undefined) columns.push("first_owner", ...(filters.title === undefined ? ["title_type"] : []));
  return columns;
}

/**
 * The name as given or in capitals (how the site writes names). One equality when the two are the
 * same: PostgreSQL counts a repeated IN value twice, and a doubled estimate makes it page through
 * the sort's index instead of reading the street's own rows. Suburbs are matched in any case
 * instead, through the (roll, upper(suburb_name), market_value, id) index: two names in an IN list
 * cannot come out of one index in value order.
 */
function asGivenOrCapitals(column: string, name: string, params: SqlParams): string {
  const capitals = name.toUpperCase();
  return capitals === name ? `${column} = ${params.add(name)}` : `${column} IN (${params.add(name)}, ${params.add(capitals)})`;
}

function rateNumberCondition(rateNumber: string, params: SqlParams): string {
  if (!/^\d+$/.test(rateNumber)) return `v.rate_number = ${params.add(rateNumber)}`;
  const { lower, upper } = digitPrefixRange(rateNumber);
  const range = [`v.rate_number >= ${params.add(lower)}`];
  if (upper !== null) range.push(`v.rate_number < ${params.add(upper)}`);
  // The range narrows the index scan; starts_with keeps the answer exact.
  return `(${range.join(" AND ")} AND starts_with(v.rate_number, ${params.add(rateNumber)}))`;
}

function searchConditions(q: string, params: SqlParams, options: SearchOptions): string[] {
  const terms = searchTerms(normaliseSearch(q));
  const indexed = new Set(indexedTerms(terms));
  return terms.map((term) =>
    indexed.has(term) ? likeCondition(substringPattern(term), params, options) : containsCondition(term, params, options),
  );
}
