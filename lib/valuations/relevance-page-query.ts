import { conditionColumns, nonSearchConditions } from "./build-filter-conditions";
import type { ValuationFilters } from "./list-query-schema";
import { containsCondition, foldedPhraseCondition, likeCondition, rankExpression, ratePrefixCondition, substringPattern, type SearchOptions } from "./search-sql";
import { digitPrefixRange, escapeLike, indexedTerms, normaliseSearch, phraseIsRare, searchTerms, termStrength } from "./search-terms";
import { SqlParams, type SqlQuery } from "./sql-params";
import { selectColumns } from "./valuation-row";

// One page of `q` matches in relevance order: tier (0 exact rate number, 1 rate number prefix,
// 2 whole phrase, 3 every word), then rate number, then id. Ranking every match before the LIMIT
// costs as much as the matches (a common word matches most of the roll), so each part is found
// the cheapest way that still yields every row in order:
//
// - probe: when a word looks rare, the trigram index finds the rows containing the rare words;
//   if there are at most `probe` of them, they are every match, and are ranked and sorted.
// - otherwise each tier on its own: tiers 0-1 from an index on the rate number; tiers 2 and 3 by
//   reading the (roll, rate_number, id) index in order and keeping the tier's rows (a dense tier
//   fills the page within a few thousand entries), for at most a window of entries; a tier too
//   sparse to fill the page there is looked up through the trigram index whole, and sorted.
// - the whole phrase (tier 2 of a search of several words) is looked up through the index on
//   search_text with its spaces folded (search-sql.ts), which finds a phrase of common words and a
//   short number ("portion 27 of") among few rows: after a window, its rows are ranked whole
//   when there are at most `phraseProbe` of them; only a phrase more common than that reads the long window.
//
// Every part applies the cursor, so a walk of pages reaches every match once. Parts that cannot
// be needed are skipped at run time (one-time filters): the ordered parts when the probe found
// every match, tier 3 when tiers 0-2 filled the page, a lookup when its window filled the page.

export type RelevanceTuning = {
  /** Largest candidate set the probe ranks whole. */
  probe: number;
  /**
   * The same for the whole phrase's probe: its candidates (the folded lookup's) are cheaper to read
   * than an ordered window, and one in several is not a match ("section 27 of" for "portion 27 of").
   */
  phraseProbe: number;
  /** Index entries the whole phrase's tier reads in order before its probe, unless rare (then windowBeforeRareLookup): a page's worth of a phrase in one row of 400. */
  phraseWindow: number;
  /** Index entries a tier reads in order before looking its rows up by a rare word (a cheap lookup). */
  windowBeforeRareLookup: number;
  /** The same when no word of the lookup is rare (it may read thousands of rows at random); the phrase's window after its probe. */
  windowBeforeCommonLookup: number;
};

export const RELEVANCE_TUNING: RelevanceTuning = { probe: 2_000, phraseProbe: 5_000, phraseWindow: 20_000, windowBeforeRareLookup: 2_000, windowBeforeCommonLookup: 50_000 };

export type RelevancePageRequest = {
  filters: ValuationFilters & { q: string };
  /** Rows to fetch. */
  limit: number;
  after?: { rank: number; id: number };
};

type Branch = { name: string; sql: string };

export function buildRelevancePageQuery(request: RelevancePageRequest, options: SearchOptions, tuning = RELEVANCE_TUNING): SqlQuery {
  const params = new SqlParams();
  const { filters, after } = request;
  const base = nonSearchConditions(filters, params);
  const roll = base[0]!;
  const phrase = normaliseSearch(filters.q);
  const terms = searchTerms(phrase);
  const words = terms.map((term) => containsCondition(term, params, options)).join(" AND ");
  const matches = `${base.join(" AND ")} AND ${words}`;
  // Each fragment adds its own parameters, so it is built only where it is used.
  const rank = () => rankExpression(phrase, params, options);
  const prefix = () => ratePrefixCondition(phrase, params);
  const limit = params.add(request.limit, "integer");
  /** Where the cursor's row sorts within its tier: its rate number, read back from its id. */
  const afterKey = (position: { id: number }) => {
    const id = params.add(position.id, "bigint");
    return `(SELECT a.rate_number FROM valuations a WHERE a.id = ${id}), ${id}`;
  };
  /** The cursor as a condition on rows of `tier` (ordered by rate number, id); null: the cursor is past the tier. */
  const afterIn = (tier: number, alias = "v"): string | null => {
    if (after === undefined || tier > after.rank) return "TRUE";
    if (tier < after.rank) return null;
    return `(${alias}.rate_number, ${alias}.id) > (${afterKey(after)})`;
  };
  const count = (name: string) => `(SELECT count(*) FROM ${name})`;

  const ctes: Branch[] = [];
  const parts: string[] = [];
  let ordered = "TRUE";

  const indexed = indexedTerms(terms);
  if (indexed.some((term) => termStrength(term) === "selective")) {
    const patterns = indexed.map((term) => likeCondition(substringPattern(term), params, options)).join(" AND ");
    // OFFSET 0 plans the candidates for their whole set (the trigram index), not for the first few.
    ctes.push({
      name: "probe",
      sql: `SELECT c.* FROM (SELECT v.id, v.rate_number, ${rank()} AS _rank, (${matches}) AS _match
          FROM valuations v WHERE ${roll} AND ${patterns} OFFSET 0) c LIMIT ${params.add(tuning.probe + 1, "integer")}`,
    });
    const complete = `${count("probe")} <= ${params.add(tuning.probe, "integer")}`;
    const afterProbe =
      after === undefined ? "TRUE" : `(p._rank, p.rate_number, p.id) > (${params.add(after.rank, "integer")}, ${afterKey(after)})`;
    parts.push(`SELECT p.id, p.rate_number, p._rank FROM probe p WHERE ${complete} AND p._match AND ${afterProbe}`);
    ordered = `NOT (${complete})`;
  }

  const filled: string[] = [];
  if (after === undefined || after.rank <= 1) {
    const position = after && { rank: after.rank, key: afterKey(after) };
    ctes.push({ name: "prefix_rows", sql: prefixRows(filters.roll, phrase, matches, rank(), ordered, position, limit, params) });
    parts.push("SELECT id, rate_number, _rank FROM prefix_rows");
    filled.push(count("prefix_rows"));
  }

  const multiWord = phrase.includes(" ");
  // Each tier's condition leads with its most selective test (the phrase implies every word).
  const byWords = lookupByWords(indexed);
  const wholePhrase = () => containsCondition(phrase, params, options);
  const tiers = multiWord
    ? [
        { tier: 2, condition: () => `${wholePhrase()} AND NOT ${prefix()}`, byPhrase: true },
        { tier: 3, condition: () => `${words} AND NOT ${wholePhrase()} AND NOT ${prefix()}`, byPhrase: false },
      ]
    : [{ tier: 2, condition: () => `${words} AND NOT ${prefix()}`, byPhrase: false }];
  const columns = ["id", "rate_number", "search_text", ...conditionColumns(filters, options)].map((column) => `v.${column}`).join(", ");
  /** The tier's first rows after the cursor among the next `size` entries of the rate-number index. */
  const windowSql = (size: number, gate: string, condition: string, start: string) =>
    `SELECT v.id, v.rate_number FROM (SELECT ${columns} FROM valuations v WHERE ${roll} AND ${start}
          ORDER BY v.rate_number, v.id LIMIT ${params.add(size, "integer")}) v
        WHERE ${gate} AND ${condition} AND ${base.join(" AND ")} ORDER BY v.rate_number, v.id LIMIT ${limit}`;
  // A lookup finds every row of the tier after the cursor, so when it runs it alone is the answer
  // (a window's rows are among its own). The cursor is compared outside the OFFSET 0 fence: inside,
  // the planner reads it as a range of the rate-number index and ANDs that bitmap (most of the
  // roll) with the trigram one.
  const lookupSql = (gate: string, condition: string, lookupConditions: string[], tier: number) =>
    `SELECT f.id, f.rate_number FROM (SELECT v.id, v.rate_number FROM valuations v
          WHERE ${[condition, ...base, ...lookupConditions].join(" AND ")} OFFSET 0) f
        WHERE ${gate} AND ${afterIn(tier, "f")} ORDER BY f.rate_number, f.id LIMIT ${limit}`;
  const windowPart = (name: string, tier: number) => `SELECT id, rate_number, ${tier} AS _rank FROM ${name} WHERE ${count(name)} = ${limit}`;
  const wholePart = (name: string, tier: number) => `SELECT id, rate_number, ${tier} AS _rank FROM ${name}`;

  for (const tierPart of tiers) {
    const { tier } = tierPart;
    const start = afterIn(tier);
    if (start === null) continue;
    const condition = tierPart.condition();
    const gate = [ordered, ...(filled.length > 0 ? [`${filled.join(" + ")} < ${limit}`] : [])].join(" AND ");
    if (tierPart.byPhrase) {
      // The whole phrase: a window (a dense phrase fills the page there); else the rows whose
      // folded text holds the folded phrase, ranked whole when they are few; else, the phrase being
      // common, a long window; else the folded lookup whole.
      const [near, probed, fromProbe, far, beyond] = ["s", "c", "t", "w", "f"].map((letter) => `${letter}${tier}`) as [string, string, string, string, string];
      const folded = foldedPhraseCondition(phrase, params, options);
      const nearSize = phraseIsRare(phrase) ? tuning.windowBeforeRareLookup : tuning.phraseWindow;
      ctes.push({ name: near, sql: windowSql(nearSize, gate, condition, start) });
      const nearShort = `${gate} AND ${count(near)} < ${limit}`;
      ctes.push({
        name: probed,
        sql: `SELECT c.* FROM (SELECT v.id, v.rate_number, (${condition} AND ${base.join(" AND ")}) AS _match
          FROM valuations v WHERE ${roll} AND ${folded} OFFSET 0) c WHERE ${nearShort} LIMIT ${params.add(tuning.phraseProbe + 1, "integer")}`,
      });
      const complete = `${count(probed)} <= ${params.add(tuning.phraseProbe, "integer")}`;
      ctes.push({
        name: fromProbe,
        sql: `SELECT c.id, c.rate_number FROM ${probed} c WHERE ${complete} AND c._match AND ${afterIn(tier, "c")}
        ORDER BY c.rate_number, c.id LIMIT ${limit}`,
      });
      const common = `${nearShort} AND NOT (${complete})`;
      ctes.push({ name: far, sql: windowSql(tuning.windowBeforeCommonLookup, common, condition, start) });
      ctes.push({ name: beyond, sql: lookupSql(`${common} AND ${count(far)} < ${limit}`, condition, [folded], tier) });
      parts.push(windowPart(near, tier), wholePart(fromProbe, tier), windowPart(far, tier), wholePart(beyond, tier));
      filled.push(`GREATEST(${[near, fromProbe, far, beyond].map(count).join(", ")})`);
      continue;
    }
    // Every word: a window, shorter when a rare word makes the lookup cheap; else the lookup.
    const [inWindow, beyond] = [`w${tier}`, `f${tier}`];
    const size = byWords.rare ? tuning.windowBeforeRareLookup : tuning.windowBeforeCommonLookup;
    ctes.push({ name: inWindow, sql: windowSql(size, gate, condition, start) });
    const lookupConditions = byWords.patterns.map((pattern) => likeCondition(pattern, params, options));
    ctes.push({ name: beyond, sql: lookupSql(`${gate} AND ${count(inWindow)} < ${limit}`, condition, lookupConditions, tier) });
    parts.push(windowPart(inWindow, tier), wholePart(beyond, tier));
    filled.push(`GREATEST(${count(inWindow)}, ${count(beyond)})`);
  }

  // A cursor past the last tier this search can have (none is issued) leaves nothing to read.
  if (parts.length === 0) parts.push("SELECT NULL::bigint AS id, NULL::varchar AS rate_number, NULL::integer AS _rank WHERE FALSE");
  return {
    text: `${ctes.length > 0 ? `WITH ${ctes.map(({ name, sql }) => `${name} AS MATERIALIZED (${sql})`).join(",\n")}\n` : ""}SELECT ${selectColumns("v")}, page._rank FROM (SELECT * FROM (${parts.join("\nUNION ALL ")}) found
  ORDER BY found._rank, found.rate_number, found.id LIMIT ${limit}) page
JOIN valuations v ON v.id = page.id ORDER BY page._rank, page.rate_number, page.id`,
    values: params.values,
  };
}

/**
 * Tiers 0 and 1: rate numbers that start with q. A number's digits sort the same in every
 * collation and before any longer number they begin, so digits are one range of the rate-number
 * index, read in order. Anything else is compared lower-cased (an index on lower(rate_number)
 * answers it), and the few rows sorted.
 */
function prefixRows(
  roll: string,
  phrase: string,
  matches: string,
  rank: string,
  gate: string,
  after: { rank: number; key: string } | undefined,
  limit: string,
  params: SqlParams,
): string {
  if (/^\d+$/.test(phrase)) {
    const { lower, upper } = digitPrefixRange(phrase);
    const range = [`v.rate_number >= ${params.add(lower)}`, ...(upper === null ? [] : [`v.rate_number < ${params.add(upper)}`])];
    const keyset = after === undefined ? [] : [`(v.rate_number, v.id) > (${after.key})`];
    return `SELECT v.id, v.rate_number, ${rank} AS _rank FROM valuations v
      WHERE ${[gate, matches, ...range, `starts_with(v.rate_number, ${params.add(phrase)})`, ...keyset].join(" AND ")}
      ORDER BY v.rate_number, v.id LIMIT ${limit}`;
  }
  const keyset = after === undefined ? "TRUE" : `(r._rank, r.rate_number, r.id) > (${params.add(after.rank, "integer")}, ${after.key})`;
  // The ids come from the rate numbers alone, so without that index the planner can still read
  // them from the (roll, rate_number, id) index rather than the table. The gate stays outside the
  // OFFSET 0 fence, so a parallel plan inside is not even started when the gate is closed.
  return `SELECT r.* FROM (SELECT v.id, v.rate_number, ${rank} AS _rank FROM valuations v
      WHERE v.id IN (SELECT p.id FROM valuations p
        WHERE p.roll = ${params.add(roll)} AND lower(p.rate_number) LIKE ${params.add(`${escapeLike(phrase)}%`)}) AND ${matches} OFFSET 0) r
    WHERE ${gate} AND ${keyset} ORDER BY r._rank, r.rate_number, r.id LIMIT ${limit}`;
}

/** LIKE patterns a tier's rows are looked up by in the trigram index, and whether one is rare. */
type Lookup = { patterns: string[]; rare: boolean };

function lookupByWords(indexed: readonly string[]): Lookup {
  return { patterns: indexed.map(substringPattern), rare: indexed.some((term) => termStrength(term) === "selective") };
}
