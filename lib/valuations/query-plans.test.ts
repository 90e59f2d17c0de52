import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { buildCountQuery, buildPageQuery, positionAfter, type PageRow } from "./build-list-query";
import type { ValuationFilters } from "./list-query-schema";
import { SORT_FIELD_NAMES, type Sort } from "./sort-fields";

// The listing's query shapes must be index scans, never a sequential scan of valuations. 60,000
// generated rows on two rolls, vacuumed (the visibility map autovacuum keeps) and analysed, so the
// planner chooses as it would on the real table.

let testDb: TestDatabase;
let db: Database;
const options = { ownerSearch: false };

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
  await db.pool.query(`
    INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description, erf_number,
      address, street_number, street_name, locality, first_owner, use_code, use_description, rating_category, market_value,
      registered_extent, search_text, first_seen_at, last_seen_at, last_changed_at, removed_at, first_seen_run_id, last_seen_run_id)
    SELECT CASE WHEN i % 5 = 0 THEN 'gv2017' ELSE 'gv2022' END,
           (CASE WHEN i % 7 = 0 THEN 'sectional' ELSE 'full' END)::title_type,
           lpad(((i * 7919) % 100000000)::text, 8, '0'),
           (10000 + i % 400)::text, 'SUBURB ' || (i % 400), '{}', 'ERF ' || i || ' of TOWNSHIP ' || (i % 300), i::text,
           (i % 90) || ' STREET ' || (i % 2000) || ', SUBURB ' || (i % 400), (i % 90)::text, 'STREET ' || (i % 2000), 'SUBURB ' || (i % 400),
           CASE WHEN i % 9 = 0 THEN NULL ELSE 'OWNER ' || (i % 5000) END,
           CASE WHEN i % 13 = 0 THEN NULL ELSE i % 60 END, 'USE ' || (i % 60),
           CASE WHEN i % 13 = 0 THEN NULL ELSE 'CATEGORY ' || (i % 12) END,
           CASE WHEN i % 20 = 0 THEN NULL ELSE (i * 7717) % 20000000 END,
           CASE WHEN i % 15 = 0 THEN NULL ELSE ((i * 31) % 100000) / 10.0 END,
           lower(lpad(((i * 7919) % 100000000)::text, 8, '0') || ' ' || (i % 90) || ' street ' || (i % 2000) || ', suburb ' || (i % 400) || ' erf ' || i || ' of township ' || (i % 300)),
           now(), now(), now() - (i % 1000) * interval '1 hour', CASE WHEN i % 500 = 0 THEN now() END, 1, 1
      FROM generate_series(1, 60000) AS i`);
  await db.pool.query("VACUUM ANALYZE valuations");
});
afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

async function plan(query: { text: string; values: unknown[] }): Promise<string> {
  const { rows } = await db.pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query.text}`, query.values);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

const base: ValuationFilters = { roll: "gv2022", includeRemoved: false };

async function expectIndexOnly(filters: ValuationFilters, sort: Sort, withCursor = true) {
  const first = buildPageQuery({ filters, sort, limit: 51 }, options);
  const firstPlan = await plan(first);
  expect(firstPlan, firstPlan).not.toMatch(/Seq Scan on valuations/);
  if (!withCursor) return;
  const { rows } = await db.pool.query<PageRow>(first.text, first.values);
  const last = rows[rows.length - 1];
  if (!last) return;
  const next = await plan(buildPageQuery({ filters, sort, limit: 51, after: positionAfter(last, sort) }, options));
  expect(next, next).not.toMatch(/Seq Scan on valuations/);
}

describe("query plans at 60,000 rows", () => {
  for (const field of SORT_FIELD_NAMES) {
    for (const descending of [false, true]) {
      it(`sort ${descending ? "-" : ""}${field}: first page and the next`, async () => {
        await expectIndexOnly(base, { kind: "field", field, descending });
      });
    }
  }

  it("each filter with the default sort and with -marketValue", async () => {
    const filters: Partial<ValuationFilters>[] = [
      { title: "sectional" },
      { rateNumber: "0512" },
      { suburb: "SUBURB 17" },
      { suburb: "10017" },
      { street: "STREET 42" },
      { useCode: 15 },
      { ratingCategory: "CATEGORY 3" },
      { minValue: 19_000_000 },
      { minValue: 1_000_000, maxValue: 1_005_000 },
      { minExtent: 9000, maxExtent: 9001 },
      { q: "street 1234" },
      { q: "erf 4567" },
    ];
    for (const filter of filters) {
      for (const sort of [{ kind: "field", field: "rateNumber", descending: false }, { kind: "field", field: "marketValue", descending: true }] as const) {
        await expectIndexOnly({ ...base, ...filter }, sort);
      }
    }
  });

  it("a ranked search and the counts", async () => {
    await expectIndexOnly({ ...base, q: "township erf 41234" }, { kind: "relevance" });
    await expectIndexOnly({ ...base, q: "05120" }, { kind: "relevance" });
    for (const filters of [{ ...base, q: "erf 45678" }, { ...base, suburb: "SUBURB 3" }, { ...base, minValue: 19_500_000 }]) {
      const counted = await plan(buildCountQuery(filters, options));
      expect(counted, counted).not.toMatch(/Seq Scan on valuations/);
    }
  });

  it("looks a phrase of common words and a short number up by its folded text", async () => {
    const query = buildPageQuery({ filters: { ...base, q: "erf 17 of township" }, sort: { kind: "relevance" }, limit: 51 }, options);
    const text = await plan(query);
    expect(text).toMatch(/valuations_search_text_folded_trgm_idx/);
    expect(text).not.toMatch(/Seq Scan on valuations/);
  });

  it("searches owner names through their own index when owner search is on", async () => {
    const query = buildPageQuery({ filters: { ...base, q: "owner 4321" }, sort: { kind: "relevance" }, limit: 51 }, { ownerSearch: true });
    const text = await plan(query);
    expect(text).toMatch(/valuations_first_owner_trgm_idx/);
    expect(text).not.toMatch(/Seq Scan on valuations/);
  });
});
