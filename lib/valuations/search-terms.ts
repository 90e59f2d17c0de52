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
 * Words of the roll's own vocabulary (legal descriptions, street types, place-name parts) that a
 * large share of rows contain. Looking one up in the trigram index reads a posting list of
 * hundreds of thousands of rows and makes every other lookup in the same scan slower.
 */
const COMMON_WORDS = new Set([
  "and", "avenue", "close", "court", "crescent", "drive", "erf", "ext", "extension", "farm", "gardens", "glen",
  "grove", "heights", "hill", "hills", "lane", "location", "lot", "manor", "mews", "mission", "park", "place",
  "portion", "rem", "remainder", "reserve", "ridge", "road", "rural", "section", "street", "the", "township",
  "unit", "view", "villa", "village", "way",
]);

/**
 * How many rows a word is likely to be a substring of, judged by its shape (the trigram index
 * keeps no counts). Measured on a 1M-row roll: a word under three characters gives the index no
 * trigram; a three-digit number is inside 1–3 % of rows (rate numbers are eight random digits),
 * four digits or more inside a few hundred; a street or scheme name inside a few thousand; the
 * vocabulary above inside most.
 */
export type TermStrength = "common" | "medium" | "selective";

export function termStrength(term: string): TermStrength {
  if (term.length < 3 || COMMON_WORDS.has(term)) return "common";
  if (term.length === 3) return "medium";
  return "selective";
}

/**
 * What the index on search_text with its spaces folded to `q` looks a phrase up by (search-sql.ts):
 * the phrase folded the same way, its first and last words cut to the character beside the space
 * when common. A common word's own trigrams are in most rows and cost the lookup most of its time
 * ("portion" and "of" of "portion 27 of"); what it puts beside a space ("nq2", "7qo") is what is
 * rare. Always a run of the folded phrase, so a row holding the phrase holds it.
 */
export function foldedLookupText(normalised: string): string {
  const words = normalised.split(" ");
  const last = words.length - 1;
  return words
    .map((word, index) => {
      const cut = last > 0 && /^[a-z0-9]+$/.test(word) && termStrength(word) === "common";
      if (cut && index === 0) return word.slice(-1);
      if (cut && index === last) return word.slice(0, 1);
      return word;
    })
    .join("q");
}

/**
 * Whether a phrase has a part few rows hold: a word that is selective, or a number of three digits
 * or more between two words (a whole word: " 942 "). Such a phrase is looked up at once; another
 * may be common enough to fill a page from the rate-number order first.
 */
export function phraseIsRare(normalised: string): boolean {
  const words = normalised.split(" ");
  return words.some((word, index) => termStrength(word) === "selective" || (index > 0 && index < words.length - 1 && /^\d{3,}$/.test(word)));
}

/**
 * The words the trigram index looks up; the others only filter what it finds. Every word that is
 * not common: the index intersects their posting lists, and a rare one keeps the others cheap.
 * When every word is common, the longest one (three characters at least), so the planner can
 * still weigh the index against a scan.
 */
export function indexedTerms(terms: readonly string[]): string[] {
  const useful = terms.filter((term) => termStrength(term) !== "common");
  if (useful.length > 0) return useful;
  const longest = [...terms].filter((term) => term.length >= 3).sort((a, b) => b.length - a.length)[0];
  return longest === undefined ? [] : [longest];
}
