import type { ValuationFilters } from "./list-query-schema";
import { digitPrefixRange, escapeLike, indexedTerm, normaliseSearch, searchTerms } from "./search-terms";
import type { SqlParams } from "./sql-params";

// The WHERE conditions of a valuation query, one per filter, on table alias `v`. Each condition
// can be answered by an index: (roll, column, id) btrees, the search_text and first_owner trigram
// indexes.

export type SearchOptions = { ownerSearch: boolean };

export function buildFilterConditions(filters: ValuationFilters, params: SqlParams, options: SearchOptions): string[] {
  const conditions = [`v.roll = ${params.add(filters.roll)}`];
  if (!filters.includeRemoved) conditions.push("v.removed_at IS NULL");
  if (filters.title !== undefined) conditions.push(`v.title_type = ${params.add(filters.title, "title_type")}`);
  if (filters.rateNumber !== undefined) conditions.push(rateNumberCondition(filters.rateNumber, params));
  if (filters.suburb !== undefined) {
    conditions.push(
      /^\d+$/.test(filters.suburb)
        ? `v.suburb_id = ${params.add(filters.suburb)}`
        : asGivenOrCapitals("v.suburb_name", filters.suburb, params),
    );
  }
  if (filters.street !== undefined) conditions.push(asGivenOrCapitals("v.street_name", filters.street, params));
  if (filters.useCode !== undefined) conditions.push(`v.use_code = ${params.add(filters.useCode, "integer")}`);
  if (filters.ratingCategory !== undefined) conditions.push(`v.rating_category = ${params.add(filters.ratingCategory)}`);
  if (filters.minValue !== undefined) conditions.push(`v.market_value >= ${params.add(filters.minValue, "bigint")}`);
  if (filters.maxValue !== undefined) conditions.push(`v.market_value <= ${params.add(filters.maxValue, "bigint")}`);
  if (filters.minExtent !== undefined) conditions.push(`v.registered_extent >= ${params.add(filters.minExtent, "numeric")}`);
  if (filters.maxExtent !== undefined) conditions.push(`v.registered_extent <= ${params.add(filters.maxExtent, "numeric")}`);
  if (filters.q !== undefined) conditions.push(...searchConditions(filters.q, params, options));
  return conditions;
}

/**
 * The name as given or in capitals (how the site writes names). One equality when the two are the
 * same: PostgreSQL counts a repeated IN value twice, and that doubled estimate made it page through
 * the sort's index instead of reading the suburb's own rows (100 times slower for a small suburb).
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
  const indexed = indexedTerm(terms);
  return terms.map((term) => {
    if (term === indexed) {
      const pattern = params.add(`%${escapeLike(term)}%`);
      return options.ownerSearch
        ? `(v.search_text LIKE ${pattern} OR v.first_owner ILIKE ${pattern})`
        : `v.search_text LIKE ${pattern}`;
    }
    // strpos is no index operator, so the planner keeps these as filters on the indexed word's rows.
    const word = params.add(term);
    return options.ownerSearch
      ? `(strpos(v.search_text, ${word}) > 0 OR strpos(lower(v.first_owner), ${word}) > 0)`
      : `strpos(v.search_text, ${word}) > 0`;
  });
}

/**
 * Relevance of a `q` match, as two integers that sort ascending: a tier (0 exact rate number,
 * 1 rate number prefix, 2 the whole phrase appears, 3 every word appears) and the negated
 * trigram similarity in thousandths.
 */
export function relevanceExpressions(q: string, params: SqlParams, options: SearchOptions): { rank: string; score: string } {
  const normalised = normaliseSearch(q);
  const exact = params.add(normalised);
  const prefix = params.add(`${escapeLike(normalised)}%`);
  const phrase = params.add(`%${escapeLike(normalised)}%`);
  const phraseMatch = options.ownerSearch
    ? `(v.search_text LIKE ${phrase} OR v.first_owner ILIKE ${phrase})`
    : `v.search_text LIKE ${phrase}`;
  return {
    rank: `CASE WHEN lower(v.rate_number) = ${exact} THEN 0 WHEN lower(v.rate_number) LIKE ${prefix} THEN 1 WHEN ${phraseMatch} THEN 2 ELSE 3 END`,
    score: `(-round(similarity(v.search_text, ${exact}) * 1000))::integer`,
  };
}
