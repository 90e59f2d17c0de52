import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { dataVersion, rollAsAt, versionAndAsAt } from "./data-version";

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
});
afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

async function addRun(roll: string, status: string, finishedAt: Date | null): Promise<void> {
  await db.pool.query(
    `INSERT INTO scrape_runs (roll, trigger, status, base_url, options, finished_at) VALUES ($1, 'cli', $2::run_status, 'http://x/', '{}', $3)`,
    [roll, status, finishedAt],
  );
}

describe("versionAndAsAt", () => {
  it("gives no version and no asAt before any run", async () => {
    expect(await versionAndAsAt(db.pool, "gv2022")).toEqual({ version: { tag: "0-0-0-0.0.0-0.0", lastModified: null }, asAt: null });
  });

  it("agrees with dataVersion and rollAsAt: any finished run moves the version, only a succeeded run of the roll its asAt", async () => {
    const succeeded2022 = new Date("2026-03-01T02:00:00.123Z");
    const succeeded2017 = new Date("2026-03-02T02:00:00.000Z");
    const failed2022 = new Date("2026-03-03T02:00:00.000Z");
    await addRun("gv2022", "succeeded", new Date("2026-02-01T02:00:00.000Z"));
    await addRun("gv2022", "succeeded", succeeded2022);
    await addRun("gv2017", "succeeded", succeeded2017);
    await addRun("gv2022", "failed", failed2022);
    await addRun("gv2022", "running", null);

    for (const [roll, asAt] of [["gv2022", succeeded2022], ["gv2017", succeeded2017], ["gv2012", null]] as const) {
      const both = await versionAndAsAt(db.pool, roll);
      expect(both.version).toEqual(await dataVersion(db.pool));
      expect(both.version.lastModified).toEqual(failed2022);
      expect(both.asAt).toEqual(asAt);
      expect(await rollAsAt(db.pool, roll)).toEqual(asAt);
    }
    expect((await versionAndAsAt(db.pool, "gv2022")).version.tag).toMatch(/^4-\d+-\d+-0\.0\.0-0\.0$/);
  });

  it("moves when an owner suppression is added or removed (answers withhold names at once)", async () => {
    const tags = [(await dataVersion(db.pool)).tag];
    const add = (rateNumber: string) =>
      db.pool.query(`INSERT INTO owner_suppressions (roll, title_type, rate_number, reason, created_by) VALUES ('gv2022', 'full', $1, 'asked', 'test')`, [rateNumber]);
    await add("1");
    tags.push((await dataVersion(db.pool)).tag);
    await add("2");
    tags.push((await dataVersion(db.pool)).tag);
    await db.pool.query(`DELETE FROM owner_suppressions WHERE rate_number = '1'`);
    tags.push((await dataVersion(db.pool)).tag);
    await db.pool.query(`DELETE FROM owner_suppressions`);
    tags.push((await dataVersion(db.pool)).tag);
    expect(new Set(tags.slice(0, 4)).size).toBe(4);
    expect(tags[4]).toBe(tags[0]);
  });

  it("moves when a pair of rolls is linked again (npm run link-rolls changes the comparisons)", async () => {
    const before = (await dataVersion(db.pool)).tag;
    const link = (at: string) =>
      db.pool.query(
        `INSERT INTO roll_link_sets (from_roll, to_roll, linked_at, links, by_method, gone, added) VALUES ('gv2017', 'gv2022', $1, 0, '{}', 0, 0)
         ON CONFLICT (from_roll, to_roll) DO UPDATE SET linked_at = EXCLUDED.linked_at`,
        [at],
      );
    await link("2026-03-04T00:00:00.000Z");
    const linked = (await dataVersion(db.pool)).tag;
    await link("2026-03-05T00:00:00.000Z");
    const relinked = (await dataVersion(db.pool)).tag;
    expect(new Set([before, linked, relinked]).size).toBe(3);
  });
});
