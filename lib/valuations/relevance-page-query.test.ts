import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { positionAfter, type PageRow } from "./build-list-query";
import type { ValuationFilters } from "./list-query-schema";
import { buildRelevancePageQuery, RELEVANCE_TUNING, type RelevanceTuning } from "./relevance-page-query";
import type { SearchOptions } from "./search-sql";
import { normaliseSearch, searchTerms } from "./search-terms";

// Every way a relevance page can be found (the probe, rate-number ranges, ordered windows, trigram
// fallbacks) must give exactly the order of the definition: tier (exact rate number, rate number
// prefix, whole phrase, every word), then rate number in the database's order, then id; and a walk
// of pages must reach every match once. Checked against that definition computed here, with the
// real tuning and with tiny windows and probe so each fallback is taken, on every page.

let testDb: TestDatabase;
let db: Database;

type Row = { id: number; roll: string; title_type: string; removed: boolean; rate_number: string; search_text: string; first_owner: string | null; position: number };
let rows: Row[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
  await db.pool.query(`
    INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description, address,
      first_owner, search_text, first_seen_at, last_seen_at, last_changed_at, removed_at, first_seen_run_id, last_seen_run_id)
    SELECT CASE WHEN i % 10 = 0 THEN 'gv2017' ELSE 'gv2022' END,
           (CASE WHEN i % 7 = 0 THEN 'sectional' ELSE 'full' END)::title_type,
           rn, '1', 'SUBURB', '{}', 'ERF ' || (i % 50) || ' of TOWNSHIP ' || (i % 30), 'x',
           CASE WHEN i % 11 = 0 THEN NULL WHEN i % 101 = 0 THEN 'WRENFORD TRUST' ELSE 'OWNER ' || (i % 300) END,
           lower(rn) || ' ' || (i % 90) || ' ' || CASE WHEN i % 97 = 0 THEN 'wrenford place' ELSE 'street ' || (i % 200) END
             || ', suburb ' || (i % 40) || ' erf ' || (i % 50) || ' of township ' || (i % 30),
           now(), now(), now(), CASE WHEN i % 50 = 0 THEN now() END, 1, 1
      FROM generate_series(1, 3000) AS i, LATERAL (SELECT lpad(((i * 7919) % 100000000)::text, 8, '0') AS rn) r`);
  // Rate numbers q can equal or begin: digits in both title types, and keys with letters in mixed
  // case (PIN:770 and PIN:771 begin with pin:77 and, in byte order, sort before Pin:77, which is pin:77).
  await db.pool.query(`
    INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description, address,
      search_text, first_seen_at, last_seen_at, last_changed_at, first_seen_run_id, last_seen_run_id)
    SELECT 'gv2022', t::title_type, rn, '1', 'SUBURB', '{}', 'ERF 17 of TOWNSHIP 1', 'x',
           lower(rn) || ' 17 street 1, suburb 1 erf 17 of township 1', now(), now(), now(), 1, 1
      FROM unnest(ARRAY['full', 'sectional', 'full', 'full', 'sectional', 'full', 'full', 'full', 'full', 'sectional', 'full'],
                  ARRAY['1234', '1234', '12340001', '12349999', '12341', 'PIN:77', 'PIN:770', 'PIN:771', 'pin:770', 'Pin:77', 'PIN:7']) AS s(t, rn)`);
  // Phrases spaced otherwise, and a q where a space would be: the folded text of
  // "erfq17qof" and "portionq27qof" reads like "erf 17 of" and "portion 27 of" to the folded index.
  await db.pool.query(`
    INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description, address,
      search_text, first_seen_at, last_seen_at, last_changed_at, first_seen_run_id, last_seen_run_id)
    SELECT 'gv2022', 'full', rn, '1', 'SUBURB', '{}', 'x', 'x', rn || ' ' || t, now(), now(), now(), 1, 1
      FROM unnest(ARRAY['77000001', '77000002', '77000003', '77000004', '77000005', '77000006', '77000007', '77000008', '77000009', '77000010'],
                  ARRAY['erf17 of township 1', 'erf 17of township 1', 'erfq17qof township 1', 'portion 27 of erf 5', 'portion 27of erf 5',
                        'portionq27qof erf 5', 'portion 2 7 of erf 5', 'portion 270 of erf 5', '3 quay road erf 5', '3 q road erf 5']) AS s(rn, t)`);
  await db.pool.query("VACUUM ANALYZE valuations");
  const { rows: all } = await db.pool.query<Row>(`
    SELECT id, roll, title_type, removed_at IS NOT NULL AS removed, rate_number, search_text, first_owner,
           row_number() OVER (ORDER BY rate_number, id)::integer AS position FROM valuations`);
  rows = all;
});
afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

/** The definition of the relevance order, computed from every row. */
function expected(filters: ValuationFilters & { q: string }, options: SearchOptions): number[] {
  const phrase = normaliseSearch(filters.q);
  const words = searchTerms(phrase);
  const contains = (row: Row, text: string) =>
    row.search_text.includes(text) || (options.ownerSearch && (row.first_owner ?? "").toLowerCase().includes(text));
  const rank = (row: Row) => {
    const rateNumber = row.rate_number.toLowerCase();
    return rateNumber === phrase ? 0 : rateNumber.startsWith(phrase) ? 1 : contains(row, phrase) ? 2 : 3;
  };
  return rows
    .filter((row) => row.roll === filters.roll && (filters.includeRemoved || !row.removed))
    .filter((row) => filters.title === undefined || row.title_type === filters.title)
    .filter((row) => words.every((word) => contains(row, word)))
    .map((row) => ({ row, rank: rank(row) }))
    .sort((a, b) => a.rank - b.rank || a.row.position - b.row.position)
    .map(({ row }) => row.id);
}

async function walk(filters: ValuationFilters & { q: string }, pageSize: number, options: SearchOptions, tuning: RelevanceTuning, maxPages = Infinity) {
  const ids: number[] = [];
  let after: { rank: number; id: number } | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const query = buildRelevancePageQuery({ filters, limit: pageSize + 1, ...(after ? { after } : {}) }, options, tuning);
    const { rows: found } = await db.pool.query<PageRow>(query.text, query.values);
    ids.push(...found.slice(0, pageSize).map((row) => row.id));
    if (found.length <= pageSize) break;
    const position = positionAfter(found[pageSize - 1]!, { kind: "relevance" });
    if (position.kind !== "relevance") throw new Error("not a relevance position");
    after = { rank: position.rank, id: position.id };
  }
  return ids;
}

const TINY: RelevanceTuning = { probe: 3, phraseProbe: 3, phraseWindow: 5, windowBeforeRareLookup: 5, windowBeforeCommonLookup: 13 };
const base = { roll: "gv2022" as const, includeRemoved: false };
const SEARCHES = [
  "1234", "12", "pin:77", "PIN:7", "erf 17 of", "17 erf", "wrenford", "wrenford place", "14 wrenford", "street 1",
  "of", "township 3 erf", "suburb 7 erf 17", "zzz", "50%_", "  ERF   17  ",
];

describe("relevance pages", () => {
  for (const [name, tuning] of [["the real tuning", RELEVANCE_TUNING], ["tiny windows and probe", TINY]] as const) {
    it(`follow the definition page after page, with ${name}`, async () => {
      for (const q of SEARCHES) {
        const filters = { ...base, q };
        const want = expected(filters, { ownerSearch: false });
        for (const pageSize of [7, 50]) {
          expect(await walk(filters, pageSize, { ownerSearch: false }, tuning), `${q} by ${pageSize}`).toEqual(want);
        }
        expect(await walk(filters, 1, { ownerSearch: false }, tuning, 25), `${q} by 1`).toEqual(want.slice(0, 25));
      }
    });
  }

  it("find a phrase as it is spaced, whatever its text looks like with spaces folded", async () => {
    const spacings = [
      "erf 17 of", "erf17 of", "ERF17", "erf 17of", "erfq17qof", "erf q17", "portion 27 of", "PORTION 27 OF ERF 5", "portion27 of",
      "portion 2 7 of", "portion 27of", "q road", "quay road", "3 q", "7 of erf",
    ];
    for (const q of spacings) {
      const filters = { ...base, q };
      const want = expected(filters, { ownerSearch: false });
      for (const tuning of [RELEVANCE_TUNING, TINY]) {
        expect(await walk(filters, 4, { ownerSearch: false }, tuning), `${q}`).toEqual(want);
      }
    }
    // The folded index returns "erfq17qof" for the phrase "erf 17 of": it holds every word, not the phrase.
    const folded = rows.find((row) => row.search_text.includes("erfq17qof"))!.id;
    for (const tuning of [RELEVANCE_TUNING, TINY]) {
      const query = buildRelevancePageQuery({ filters: { ...base, q: "erf 17 of" }, limit: 1000 }, { ownerSearch: false }, tuning);
      const { rows: found } = await db.pool.query<PageRow>(query.text, query.values);
      expect(found.find((row) => row.id === folded)?._rank).toBe(3);
    }
  });

  it("apply the other filters, removed rows and owner search the same way", async () => {
    const cases: [ValuationFilters & { q: string }, SearchOptions][] = [
      [{ ...base, q: "erf 17 of", title: "sectional" }, { ownerSearch: false }],
      [{ ...base, q: "wrenford", includeRemoved: true }, { ownerSearch: false }],
      [{ roll: "gv2017", includeRemoved: false, q: "erf 17" }, { ownerSearch: false }],
      [{ ...base, q: "wrenford" }, { ownerSearch: true }],
      [{ ...base, q: "trust 1" }, { ownerSearch: true }],
    ];
    for (const [filters, options] of cases) {
      const want = expected(filters, options);
      expect(want.length, filters.q).toBeGreaterThan(0);
      for (const tuning of [RELEVANCE_TUNING, TINY]) {
        expect(await walk(filters, 9, options, tuning), JSON.stringify(filters)).toEqual(want);
      }
    }
  });
});
