import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { linkAfterScrape, linkRollPair, RollPairError } from "@/lib/roll-links/link-roll-pair";
import { linkSets } from "@/lib/roll-links/roll-links-store";
import { storeRoll, type HandRow } from "@/lib/roll-links/testing/store-roll";
import { unlinkedPage } from "@/lib/roll-links/unlinked";
import { changeRowsPage } from "./change-rows";
import { changeStats } from "./change-stats";
import { seedRolls } from "@/lib/rolls/seed-rolls";
import { rollComparison, type RollComparison } from "./compared-pairs";

// Linking two hand-made rolls in a real PostgreSQL, then the change figures and the unlinked
// properties over those links, checked against figures worked out by hand below.

const log = createLogger({}, { level: "silent" });
let testDb: TestDatabase;
let db: Database;

const full = (rateNumber: string, legalDescription: string, suburb: string, value: number | null): HandRow => ({ titleType: "full", rateNumber, legalDescription, suburb, value });

const GV2022: HandRow[] = [
  full("00000100", "ERF 1 of PINETOWN", "PINETOWN", 1_000_000),
  full("00000101", "ERF 2 of PINETOWN", "PINETOWN", 500_000),
  full("00000102", "ERF 3 of PINETOWN", "PINETOWN", 800_000),
  full("00000103", "ERF 4 of PINETOWN", "PINETOWN", 900_000),
  full("00000104", "ERF 5 of PINETOWN", "PINETOWN", 700_000),
  full("00000105", "ERF 6 of PINETOWN", "PINETOWN", 650_000),
  full("00000200", "ERF 10 of KINGSBURGH", "KINGSBURGH", 2_000_000),
  full("00000201", "ERF 11 of KINGSBURGH", "KINGSBURGH", null),
];

const GV2026: HandRow[] = [
  full("00000100", "ERF 1 of PINETOWN", "PINETOWN", 1_100_000), // +10%
  full("00000101", "ERF 2 OF PINETOWN", "PINETOWN", 500_000), // flat
  full("00000902", "ERF 3 of PINETOWN", "PINETOWN", 720_000), // renumbered, −10%
  { ...full("00000103", "REM of ERF 4 of PINETOWN", "PINETOWN", 600_000), extent: 300 }, // subdivided: not compared
  { ...full("00000904", "Portion 1 of ERF 4 of PINETOWN", "PINETOWN", 400_000), extent: 200 },
  // A scheme built on ERF 5 (gone): its units have the erf's address.
  { titleType: "sectional", rateNumber: "00000950", legalDescription: "SECTION 1 of SS FIVE ON MAIN", suburb: "PINETOWN", value: 300_000, address: "104 MAIN ROAD, PINETOWN" },
  { titleType: "sectional", rateNumber: "00000951", legalDescription: "SS FIVE ON MAIN SECTION 2", suburb: "PINETOWN", value: 310_000, address: "104 MAIN ROAD, PINETOWN" },
  full("00000200", "ERF 10 of KINGSBURGH", "KINGSBURGH", 3_000_000), // +50%
  full("00000201", "ERF 11 of KINGSBURGH", "KINGSBURGH", 400_000), // no older value: not compared
  full("00000300", "ERF 99 of KINGSBURGH", "KINGSBURGH", 250_000), // new
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 4);
  await storeRoll(db, "gv2022", GV2022);
  await storeRoll(db, "gv2026", GV2026);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

const options = { ownerSearch: false };
const links = (rollIsNewer: boolean): RollComparison => ({ basis: "links", rollIsNewer });

describe("linking two stored rolls", () => {
  it("links a complete scrape's roll to the other roll held, and records the set", async () => {
    const [summary] = await linkAfterScrape(db.pool, "gv2026", log);
    expect(summary).toMatchObject({
      fromRoll: "gv2022",
      toRoll: "gv2026",
      links: 9,
      byMethod: { "rate-number": 4, "legal-description": 1, subdivision: 2, consolidation: 0, scheme: 2 },
      gone: 1,
      added: 1,
    });
    const { rows } = await db.pool.query(
      "SELECT from_rate_number, to_rate_number, method FROM roll_links WHERE from_roll = 'gv2022' AND to_roll = 'gv2026' ORDER BY from_rate_number, to_rate_number",
    );
    expect(rows.map((row) => `${row.from_rate_number}→${row.to_rate_number} ${row.method}`)).toEqual([
      "00000100→00000100 rate-number",
      "00000101→00000101 rate-number",
      "00000102→00000902 legal-description",
      "00000103→00000103 subdivision",
      "00000103→00000904 subdivision",
      "00000104→00000950 scheme",
      "00000104→00000951 scheme",
      "00000200→00000200 rate-number",
      "00000201→00000201 rate-number",
    ]);
    expect(await rollComparison(db.pool, seedRolls(), "gv2026", "gv2022")).toEqual({ basis: "links", rollIsNewer: true });
  });

  it("replaces a pair's links when linked again, and refuses a pair in the wrong order or not stored", async () => {
    await linkRollPair(db.pool, "gv2022", "gv2026");
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM roll_links");
    expect(rows[0].n).toBe(9);
    expect((await linkSets(db.pool)).map((set) => `${set.fromRoll}-${set.toRoll}`)).toEqual(["gv2022-gv2026"]);
    await expect(linkRollPair(db.pool, "gv2026", "gv2022")).rejects.toThrow(RollPairError);
    await expect(linkRollPair(db.pool, "gv2012", "gv2022")).rejects.toThrow("no properties of gv2012 are stored");
  });
});

describe("what changed between the rolls", () => {
  // Compared: +10%, 0%, −10% (PINETOWN), +50% (KINGSBURGH); changes −80 000, 0, +100 000, +1 000 000.
  const all = {
    against: "gv2022",
    basis: "links",
    compared: 4,
    medianChange: 50_000,
    q1Percent: -2.5,
    medianPercent: 5,
    q3Percent: 20,
    up: 2,
    flat: 1,
    down: 1,
    upShare: 50,
    flatShare: 25,
    downShare: 25,
  };

  it("gives the median, the quartiles of the change in per cent and the shares up, flat and down", async () => {
    const [summary] = await changeStats(db.pool, { roll: "gv2026", includeRemoved: false }, "gv2022", links(true), "all", options);
    expect(summary).toEqual({ key: null, label: null, change: all });
  });

  it("gives the same figures from the older roll's side (the change is always older to newer)", async () => {
    const [summary] = await changeStats(db.pool, { roll: "gv2022", includeRemoved: false }, "gv2026", links(false), "all", options);
    expect(summary?.change).toEqual({ ...all, against: "gv2026" });
  });

  it("groups by suburb and takes the listing's filters", async () => {
    const groups = await changeStats(db.pool, { roll: "gv2026", includeRemoved: false }, "gv2022", links(true), "suburb", options);
    expect(groups.map((group) => [group.label, group.change.compared, group.change.medianPercent])).toEqual([
      ["KINGSBURGH", 1, 50],
      ["PINETOWN", 3, 0],
    ]);
    const [pinetown] = await changeStats(db.pool, { roll: "gv2026", includeRemoved: false, suburb: "pinetown" }, "gv2022", links(true), "all", options);
    expect(pinetown?.change).toMatchObject({ compared: 3, up: 1, flat: 1, down: 1, medianChange: 0 });
  });

  it("lists every compared property with both values and rate numbers, page by page", async () => {
    const query = { filters: { roll: "gv2026", includeRemoved: false }, against: "gv2022", comparison: links(true), afterId: null };
    const first = await changeRowsPage(db.pool, { ...query, limit: 4 }, options);
    expect(first.nextAfter).not.toBeNull();
    const second = await changeRowsPage(db.pool, { ...query, limit: 4, afterId: first.nextAfter }, options);
    expect(second.nextAfter).toBeNull();
    const rows = [...first.data, ...second.data];
    expect(rows).toHaveLength(5);
    expect(rows.find((row) => row.rateNumber === "00000902")).toMatchObject({ againstRateNumber: "00000102", marketValue: 720_000, againstMarketValue: 800_000, change: -80_000, changePercent: -10 });
    expect(rows.find((row) => row.rateNumber === "00000201")).toMatchObject({ againstMarketValue: null, change: null, changePercent: null });
  });

  it("compares a pair never linked by title type and rate number", async () => {
    await storeRoll(db, "gv2017", [full("00000100", "ERF 1 of PINETOWN", "PINETOWN", 900_000)]);
    const comparison = await rollComparison(db.pool, seedRolls(), "gv2026", "gv2017");
    expect(comparison).toEqual({ basis: "rate-number", rollIsNewer: true });
    const [summary] = await changeStats(db.pool, { roll: "gv2026", includeRemoved: false }, "gv2017", comparison, "all", options);
    expect(summary?.change).toMatchObject({ basis: "rate-number", compared: 1, medianChange: 200_000, medianPercent: 22.2, up: 1 });
  });
});

describe("properties with no link", () => {
  it("lists what is new on the newer roll and what is gone from the older (an erf built over by a scheme is neither)", async () => {
    const added = await unlinkedPage(db.pool, { roll: "gv2026", against: "gv2022", status: "new", limit: 50, afterId: null });
    expect(added.data.map((row) => `${row.roll} ${row.titleType} ${row.rateNumber}`)).toEqual(["gv2026 full 00000300"]);
    const gone = await unlinkedPage(db.pool, { roll: "gv2022", against: "gv2026", status: "gone", limit: 50, afterId: null });
    expect(gone.data).toEqual([expect.objectContaining({ status: "gone", roll: "gv2022", rateNumber: "00000105", legalDescription: "ERF 6 of PINETOWN" })]);
    const inKingsburgh = await unlinkedPage(db.pool, { roll: "gv2026", against: "gv2022", status: "new", suburb: "KINGSBURGH", limit: 50, afterId: null });
    expect(inKingsburgh.data.map((row) => row.rateNumber)).toEqual(["00000300"]);
  });
});
