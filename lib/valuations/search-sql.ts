import { suppressedCondition } from "@/lib/owners/owner-suppressions";
import { escapeLike, foldedLookupText, normaliseSearch } from "./search-terms";
import type { SqlParams } from "./sql-params";

// SQL fragments of a `q` search on table alias `v`. Two forms of "contains": LIKE, which the
// trigram indexes answer, for the words chosen to find rows; strpos, which no index answers, so
// the planner keeps it as a filter on rows found otherwise (or in an order an index gives).

/** ownerSearch: `q` also matches owner names (OWNER_NAMES=full), never a suppressed property's. */
export type SearchOptions = { ownerSearch: boolean };

const NOT_SUPPRESSED = `NOT ${suppressedCondition("v")}`;

/** search_text (or, with owner search, the owner's name) matches a LIKE pattern: trigram-indexed. */
export function likeCondition(pattern: string, params: SqlParams, options: SearchOptions): string {
  const placeholder = params.add(pattern);
  return options.ownerSearch
    ? `(v.search_text LIKE ${placeholder} OR (v.first_owner ILIKE ${placeholder} AND ${NOT_SUPPRESSED}))`
    : `v.search_text LIKE ${placeholder}`;
}

/** search_text (or the owner's name) contains `text`: a filter only. */
export function containsCondition(text: string, params: SqlParams, options: SearchOptions): string {
  const placeholder = params.add(text);
  return options.ownerSearch
    ? `(strpos(v.search_text, ${placeholder}) > 0 OR (strpos(lower(v.first_owner), ${placeholder}) > 0 AND ${NOT_SUPPRESSED}))`
    : `strpos(v.search_text, ${placeholder}) > 0`;
}

/**
 * search_text with every space made a `q`: the expression of valuations_search_text_folded_trgm_idx.
 * pg_trgm cuts text into words at anything but a letter or digit, so the trigrams of "portion 27 of"
 * stop at its spaces (" 27", "27 "), and thousands of rows share each. Folded, the phrase is one
 * word whose trigrams span the spaces ("nq2", "7qo"), which few rows share. `q` because pg_trgm
 * keeps letters, and the roll's words seldom put a q beside a space.
 */
const FOLDED_SEARCH_TEXT = "replace(v.search_text, ' ', 'q')";

/**
 * The folded search_text holds the phrase's folded lookup text (or, with owner search, the
 * owner's name holds the phrase): trigram-indexed. Implied by the phrase appearing, not the same
 * (a q in the text reads as a space), so it only finds rows that the exact condition then tests.
 */
export function foldedPhraseCondition(phrase: string, params: SqlParams, options: SearchOptions): string {
  const folded = `${FOLDED_SEARCH_TEXT} LIKE ${params.add(substringPattern(foldedLookupText(phrase)))}`;
  return options.ownerSearch
    ? `(${folded} OR (v.first_owner ILIKE ${params.add(substringPattern(phrase))} AND ${NOT_SUPPRESSED}))`
    : folded;
}

export function substringPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** The rate number starts with q (relevance tiers 0 and 1). */
export function ratePrefixCondition(normalised: string, params: SqlParams): string {
  return `starts_with(lower(v.rate_number), ${params.add(normalised)})`;
}

/**
 * The relevance tier of a `q` match: 0 the rate number is q, 1 it starts with q, 2 the whole
 * phrase appears, 3 every word appears.
 */
export function rankExpression(normalised: string, params: SqlParams, options: SearchOptions): string {
  const exact = params.add(normalised);
  return `CASE WHEN lower(v.rate_number) = ${exact} THEN 0 WHEN starts_with(lower(v.rate_number), ${exact}) THEN 1 WHEN ${containsCondition(normalised, params, options)} THEN 2 ELSE 3 END`;
}

/**
 * Relevance order of `q` matches as two sort keys, then `v.id`: the tier, then the rate number
 * (the order the (roll, rate_number, id) index gives, so a page of a large tier is read in order
 * and stops at the page's end instead of ranking every match).
 */
export function relevanceExpressions(q: string, params: SqlParams, options: SearchOptions): { rank: string; score: string } {
  return { rank: rankExpression(normaliseSearch(q), params, options), score: "v.rate_number" };
}
