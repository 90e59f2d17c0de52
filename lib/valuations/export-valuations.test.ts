import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { CursorPosition } from "./cursor";
import type { CsvExportOptions } from "./export-csv-query";
import { exportValuations } from "./export-valuations";
import type { ValuationFilters } from "./list-query-schema";
import { readBatch } from "./list-valuations";
import { serialiseValuation } from "./serialise-valuation";
import { parseSort, SORT_VALUES, type Sort } from "./sort-fields";
import { seedValuations } from "./testing/seed";
import { csvHeader, csvRecord } from "./valuation-csv";

// The CSV export (one COPY, formatted by PostgreSQL, quoted by BinaryCopyToCsv) must be byte for
// byte what serialising each row of the listing gives: the seeded roll plus rows made of every
// awkward value (quotes, commas, line breaks, outer whitespace, empty strings, NULLs, formula-like
// text, extreme numbers and timestamps), for every sort and filter. And it must stop, and give its
// connection back, when the reader goes away or the server fails.

let testDb: TestDatabase;
let db: Database;
/** The default deployment (OWNER_NAMES=property): no owner column, no owner search. */
const search: CsvExportOptions = { ownerSearch: false, ownersInLists: false };
/** OWNER_NAMES=full: the owner column, owner search. */
const fullOwners: CsvExportOptions = { ownerSearch: true, ownersInLists: true };
/** gv2012: enough generated rows that the COPY is still running when a test stops reading. */
const BULK_ROWS = 60_000;

const TRICKY = [
  "", " ", "PINETOWN", "26 SOMERSET WAY, AMANZIMTOTI", 'THE "VILLA"', '"', "two\nlines", "cr\ronly", "x\r\ny",
  " padded", "padded ", "\tTAB", "in side", "\u00a0NBSP", "NBSP\u00a0", "\u2028line", "\ufeffBOM", "thin\u2009",
  "NEL\u0085", "\u200bzero-width", "=SUM(A1)", "+27 31", "-5", "@home", "back\\slash", "O'Brien, \"Jnr\"", "é ü 😀",
  "a,", ",", "SS ALEC'S MEWS", "100% _done_",
];
const TIMESTAMPS = ["2026-11-20T01:12:09.114Z", "2026-01-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z", "2026-06-30T12:00:00.500Z"];

/** Rows on gv2022 made of TRICKY values in every text column, with nulls, extremes, both title types, some removed. */
async function insertTrickyRows(count: number): Promise<void> {
  const text = (i: number, column: number) => TRICKY[(i * 7 + column * 3) % TRICKY.length]!;
  const nullable = (i: number, column: number) => ((i + column) % 5 === 0 ? null : text(i, column));
  for (let i = 0; i < count; i++) {
    const rateNumber = i % 10 === 1 ? ` ${i}` : `${String(i).padStart(4, "0")}${text(i, 0)}`.slice(0, 32);
    const address = text(i, 11);
    const legal = text(i, 5);
    await db.pool.query(
      `INSERT INTO valuations (roll, title_type, rate_number, pin, suburb_id, suburb_name, displayed, legal_description,
         erf_number, portion_number, is_remainder, township, is_farm, scheme_name, section_number, address, street_number,
         street_name, locality, first_owner, use_code, use_description, rating_category, market_value, registered_extent,
         search_text, first_seen_at, last_seen_at, last_changed_at, removed_at, first_seen_run_id, last_seen_run_id)
       VALUES ('gv2022', $1, $2, $3, $4, $5, '{}', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
         $21, $22, $23, $24, $25, $26, $27, $28, 1, 1)`,
      [
        i % 2 === 0 ? "full" : "sectional",
        rateNumber,
        i % 4 === 0 ? null : text(i, 1).slice(0, 16),
        i % 9 === 0 ? text(i, 2).slice(0, 16) : String(90_000 + (i % 3)),
        i % 3 === 0 ? "ALEC'S PLACE" : text(i, 4),
        legal,
        nullable(i, 6),
        nullable(i, 7),
        i % 2 === 0,
        nullable(i, 8),
        i % 3 === 0,
        nullable(i, 9),
        nullable(i, 10),
        address,
        nullable(i, 12),
        i % 3 === 1 ? "SOMERSET WAY" : nullable(i, 13),
        nullable(i, 14),
        nullable(i, 15),
        [null, 0, 15, 9999][i % 4],
        nullable(i, 16),
        nullable(i, 17),
        [null, 0, 1, 999_999_999_999, 1_234_567][i % 5],
        [null, "0", "0.5", "0.01", "1374", "1374.5", "999999999999.99", "12.30"][i % 8],
        `${rateNumber} ${address} ${legal}`.toLowerCase(),
        TIMESTAMPS[i % 4],
        TIMESTAMPS[(i + 1) % 4],
        TIMESTAMPS[(i + 2) % 4],
        i % 6 === 0 ? "2026-11-21T00:00:00.001Z" : null,
      ],
    );
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 4);
  await seedValuations(db);
  await insertTrickyRows(120);
  await db.pool.query(`
    INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description, address,
      first_owner, market_value, registered_extent, search_text, first_seen_at, last_seen_at, last_changed_at,
      first_seen_run_id, last_seen_run_id)
    SELECT 'gv2012', 'full', lpad(i::text, 8, '0'), '1', 'BULK SUBURB', '{}', 'ERF ' || i || ' of ' || repeat('BULK TOWNSHIP ', 8),
           i || ' BULK STREET, ' || repeat('SOMEWHERE ', 8), 'OWNER ' || i, i * 1000, i / 100.0, 'bulk ' || i, now(), now(), now(), 1, 1
      FROM generate_series(1, ${BULK_ROWS}) AS i`);
  await db.pool.query("ANALYZE valuations");
});
afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

/** The CSV as the export wrote it before COPY: the listing's rows, each serialised and quoted. */
async function perRowCsv(filters: ValuationFilters, sort: Sort, options: CsvExportOptions): Promise<string> {
  let csv = csvHeader(options.ownersInLists);
  let after: CursorPosition | undefined;
  for (;;) {
    const batch = await readBatch(db.pool, { filters, sort, limit: 1000, ...(after ? { after } : {}) }, options);
    csv += batch.rows.map((row) => csvRecord(serialiseValuation(row, options.ownersInLists ? "include" : "omit"), options.ownersInLists)).join("");
    if (!batch.next) return csv;
    after = batch.next;
  }
}

async function exported(filters: ValuationFilters, sort: Sort, options: CsvExportOptions = search): Promise<Buffer> {
  const stream = exportValuations(db.pool, { filters, sort, format: "csv" }, { ...options, onError: () => {} });
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function expectSameCsv(filters: ValuationFilters, sort: Sort, options: CsvExportOptions = search): Promise<number> {
  const expected = await perRowCsv(filters, sort, options);
  const actual = await exported(filters, sort, options);
  expect(actual.toString("utf8")).toBe(expected);
  expect(actual.equals(Buffer.from(expected, "utf8"))).toBe(true);
  return expected.split("\r\n").length - 2;
}

const sortOf = (value: string) => parseSort(value)!;
const gv2022: ValuationFilters = { roll: "gv2022", includeRemoved: false };
const copies = async () =>
  (
    await db.pool.query<{ wait_event: string | null }>(
      // Client backends only: a parallel plan's workers show the same query.
      `SELECT wait_event FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND query LIKE 'COPY (SELECT%'`,
    )
  ).rows;
const active = async () => (await copies()).length;

describe("CSV export", () => {
  it.each(SORT_VALUES.filter((value) => value !== "relevance"))("is the per-row CSV of every row, removed ones included, sorted by %s", async (sort) => {
    const rows = await expectSameCsv({ ...gv2022, includeRemoved: true }, sortOf(sort));
    expect(rows).toBeGreaterThan(1100);
  });

  it("is the per-row CSV for searches, ranked by relevance or sorted, owners searched or not", async () => {
    for (const q of ["pinetown", "534", "o'brien", "100% _done_", "back\\slash", "somerset way"]) {
      for (const sort of ["relevance", "-marketValue", "address"]) {
        await expectSameCsv({ ...gv2022, q }, sortOf(sort));
        await expectSameCsv({ ...gv2022, q }, sortOf(sort), fullOwners);
      }
    }
  });

  it.each<[string, Partial<ValuationFilters>]>([
    ["title", { title: "sectional" }],
    ["suburb name as given and in capitals", { suburb: "Alec's Place" }],
    ["suburb id", { suburb: "90001" }],
    ["street", { street: "SOMERSET WAY" }],
    ["rate number prefix", { rateNumber: "00" }],
    ["rate number key", { rateNumber: "PIN:1" }],
    ["use code", { useCode: 15 }],
    ["rating category", { ratingCategory: "Residential" }],
    ["value range", { minValue: 1, maxValue: 1_500_000 }],
    ["extent range", { minExtent: 0.01, maxExtent: 1374.5 }],
    ["another roll", { roll: "gv2017" }],
  ])("is the per-row CSV with the %s filter", async (_name, filters) => {
    await expectSameCsv({ ...gv2022, ...filters }, sortOf("rateNumber"));
    await expectSameCsv({ ...gv2022, ...filters }, sortOf("-registeredExtent"));
  });

  it("has an owner column only where lists carry owner names (OWNER_NAMES=full)", async () => {
    const byDefault = (await exported(gv2022, sortOf("rateNumber"))).toString("utf8");
    expect(byDefault.split("\r\n")[0]).not.toContain("firstOwner");
    const full = await expectSameCsv({ ...gv2022, includeRemoved: true }, sortOf("-firstOwner"), fullOwners);
    expect(full).toBeGreaterThan(1100);
    expect((await exported(gv2022, sortOf("rateNumber"), fullOwners)).toString("utf8").split("\r\n")[0]).toContain(",firstOwner,");
  });

  it("quotes as csvLine does and guards formula-like text, not numbers", async () => {
    const csv = (await exported({ ...gv2022, includeRemoved: true }, sortOf("rateNumber"))).toString("utf8");
    expect(csv.startsWith(csvHeader(false))).toBe(true);
    expect(csv).toContain(',"26 SOMERSET WAY, AMANZIMTOTI",');
    expect(csv).toContain(',"THE ""VILLA""",');
    expect(csv).toContain(',"padded ",');
    expect(csv).toContain(",'=SUM(A1),");
    expect(csv).not.toContain(",=SUM(A1),");
    expect(csv).toContain(",1374.5,");
    expect(csv).toContain(",999999999999.99,");
    expect(csv).toContain(",1999-12-31T23:59:59.999Z,");
  });

  it("reads one snapshot: rows written while it streams are not in it", async () => {
    const reader = exportValuations(db.pool, { filters: { roll: "gv2012", includeRemoved: false }, sort: sortOf("rateNumber"), format: "csv" }, search).getReader();
    let lines = 0;
    const count = (chunk: Uint8Array) => chunk.reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 0);
    lines += count((await reader.read()).value!);
    await db.pool.query(`INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description,
      address, search_text, first_seen_at, last_seen_at, last_changed_at, first_seen_run_id, last_seen_run_id)
      SELECT 'gv2012', 'sectional', i::text, '1', 'LATE', '{}', 'LATE', 'LATE', 'late', now(), now(), now(), 1, 1 FROM generate_series(1, 100) AS i`);
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) lines += count(next.value);
      expect(lines).toBe(BULK_ROWS + 1);
    } finally {
      await db.pool.query("DELETE FROM valuations WHERE roll = 'gv2012' AND title_type = 'sectional'");
    }
  });

  it("stops the COPY and lets its connection go when the reader goes away; until then, waits for the reader", async () => {
    const errors: unknown[] = [];
    const reader = exportValuations(db.pool, { filters: { roll: "gv2012", includeRemoved: false }, sort: sortOf("rateNumber"), format: "csv" }, {
      ...search,
      onError: (error) => errors.push(error),
    }).getReader();
    expect((await reader.read()).done).toBe(false); // the header
    expect((await reader.read()).done).toBe(false); // the first rows: the COPY is running
    // Nothing reads on: the server fills the socket and waits, nothing piles up in memory.
    await expect.poll(async () => (await copies()).map((copy) => copy.wait_event), { timeout: 10_000, interval: 100 }).toEqual(["ClientWrite"]);
    await reader.cancel();
    expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
    await expect.poll(active, { timeout: 10_000, interval: 100 }).toBe(0);
    expect(errors).toEqual([]);
    await expectSameCsv(gv2022, sortOf("rateNumber")); // the pool still serves
  });

  it("reports a failure mid-stream through onError and the stream, and lets the connection go", async () => {
    const errors: unknown[] = [];
    const reader = exportValuations(db.pool, { filters: { roll: "gv2012", includeRemoved: false }, sort: sortOf("rateNumber"), format: "csv" }, {
      ...search,
      onError: (error) => errors.push(error),
    }).getReader();
    await reader.read();
    await reader.read();
    await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY (SELECT%'`);
    const drain = async () => {
      for (let next = await reader.read(); !next.done; next = await reader.read());
    };
    await expect(drain()).rejects.toThrow();
    expect(errors).toHaveLength(1);
    expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
    await expectSameCsv(gv2022, sortOf("address"));
  });
});
