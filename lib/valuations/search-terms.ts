// How `q` is read: lower-cased (search_text is), whitespace collapsed, split into words that must
// all appear. LIKE's wildcards in the input are matched literally.

export const MAX_SEARCH_TERMS = 8;

export function normaliseSearch(q: string): string {
  return q.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The distinct words of a normalised search, longest first (the most selective lead), at most 8. */
export function searchTerms(normalised: string): string[] {
  const words = [...new Set(normalised.split(" ").filter((word) => word !== ""))];
  return words.sort((a, b) => b.length - a.length).slice(0, MAX_SEARCH_TERMS);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * A range of rate numbers that start with `prefix` (digits), for an index range scan whatever the
 * database's collation: digits sort the same everywhere. `upper` is null when every longer number
 * qualifies ("999…").
 */
export function digitPrefixRange(prefix: string): { lower: string; upper: string | null } {
  const digits = prefix.split("");
  while (digits.length > 0 && digits[digits.length - 1] === "9") digits.pop();
  if (digits.length === 0) return { lower: prefix, upper: null };
  const last = digits.length - 1;
  digits[last] = String(Number(digits[last]) + 1);
  return { lower: prefix, upper: digits.join("") };
}

/**
 * The word the trigram index looks up; the others only filter what it finds. A word every row
 * contains ("erf", "street") makes an index scan pointless, so prefer words with digits (erf,
 * rate and street numbers are selective), then the longest; words under three characters give
 * the index no trigram to use.
 */
export function indexedTerm(terms: readonly string[]): string | undefined {
  const usable = terms.filter((term) => term.length >= 3);
  const candidates = usable.length > 0 ? usable : [...terms];
  const withDigits = candidates.filter((term) => /\d/.test(term));
  const pool = withDigits.length > 0 ? withDigits : candidates;
  return [...pool].sort((a, b) => b.length - a.length)[0];
}
