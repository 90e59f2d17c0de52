import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { purgeOwnerHistory } from "./purge-owner-history";

let testDb: TestDatabase;
let db: Database;
const now = new Date("2026-12-03T00:00:00.000Z");

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
});
afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

beforeEach(async () => {
  await db.pool.query("TRUNCATE valuations, valuation_changes, scrape_runs RESTART IDENTITY CASCADE");
  await db.pool.query(`INSERT INTO scrape_runs (roll, trigger, base_url, options) VALUES ('gv2022', 'cli', 'http://x/', '{}')`);
  await db.pool.query(
    `INSERT INTO valuations (roll, title_type, rate_number, suburb_id, suburb_name, displayed, legal_description, address, search_text,
       first_owner, first_seen_at, last_seen_at, last_changed_at, first_seen_run_id, last_seen_run_id)
     VALUES ('gv2022', 'full', '1', '1', 'X', '{}', 'ERF 1', '1 MAIN ROAD', '1', 'NEW OWNER', now(), now(), now(), 1, 1)`,
  );
  for (const [days, owner] of [[10, "RECENT NAME"], [400, "OLD NAME"]] as const) {
    await db.pool.query(
      `INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, before, after, changed_at)
       VALUES (1, 1, 'changed', '{firstOwner,marketValue}', jsonb_build_object('firstOwner', $1::text, 'marketValue', '1'), '{"firstOwner": "NEW OWNER", "marketValue": "2"}', $2)`,
      [owner, new Date(now.getTime() - days * 86_400_000)],
    );
  }
});

const history = async () =>
  (await db.pool.query(`SELECT fields, before, after FROM valuation_changes ORDER BY changed_at DESC`)).rows;

describe("purgeOwnerHistory", () => {
  it("under OWNER_NAMES=full, takes the names out of records older than OWNER_HISTORY_DAYS only", async () => {
    expect(await purgeOwnerHistory(db.pool, { ownerNames: "full", ownerHistoryDays: 365, now })).toBe(1);
    expect(await history()).toEqual([
      { fields: ["firstOwner", "marketValue"], before: { firstOwner: "RECENT NAME", marketValue: "1" }, after: { firstOwner: "NEW OWNER", marketValue: "2" } },
      { fields: ["firstOwner", "marketValue"], before: { marketValue: "1" }, after: { marketValue: "2" } },
    ]);
    expect(await purgeOwnerHistory(db.pool, { ownerNames: "full", ownerHistoryDays: 365, now })).toBe(0);
  });

  it("under any other mode, takes every name out and keeps the current owner", async () => {
    expect(await purgeOwnerHistory(db.pool, { ownerNames: "property", ownerHistoryDays: 365, now })).toBe(2);
    expect((await history()).map((row) => [row.before, row.after])).toEqual([
      [{ marketValue: "1" }, { marketValue: "2" }],
      [{ marketValue: "1" }, { marketValue: "2" }],
    ]);
    expect((await db.pool.query("SELECT first_owner FROM valuations")).rows).toEqual([{ first_owner: "NEW OWNER" }]);
  });
});
