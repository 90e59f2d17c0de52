import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { dataHealth } from "./data-health";

// Data health from hand-made runs: rows over time from complete runs' tasks, suburb drops, a run
// that changed an unusual share, and freshness that only a whole-roll run can earn.

let testDb: TestDatabase;
let db: Database;
const day = (n: number, hour = 0) => new Date(Date.UTC(2026, 10, n, hour));

async function run(values: { id: number; roll?: string; wholeRoll?: boolean; status?: string; day: number; seen?: number; added?: number; changed?: number; anomalies?: unknown[] }) {
  await db.pool.query(
    `INSERT INTO scrape_runs (id, roll, trigger, status, base_url, options, whole_roll, complete, started_at, finished_at, heartbeat_at,
                              rows_seen, rows_added, rows_changed, anomalies)
     VALUES ($1, $2, 'cron', $3::run_status, 'http://sim/', '{}', $4, $4, $5, $6, $6, $7, $8, $9, $10)`,
    [values.id, values.roll ?? "gv2022", values.status ?? "succeeded", values.wholeRoll ?? true, day(values.day), day(values.day, 1), values.seen ?? 0, values.added ?? 0, values.changed ?? 0, JSON.stringify(values.anomalies ?? [])],
  );
}

async function task(runId: number, titleType: string, suburbId: string, rows: number) {
  await db.pool.query(
    `INSERT INTO scrape_tasks (run_id, title_type, suburb_id, suburb_name, status, parsed_rows) VALUES ($1, $2::title_type, $3::text, 'Suburb ' || $3::text, 'done', $4)`,
    [runId, titleType, suburbId, rows],
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
  await run({ id: 1, day: 1, seen: 1_000, added: 1_000 });
  await task(1, "full", "10", 600);
  await task(1, "full", "11", 200);
  await task(1, "sectional", "10", 200);
  await run({ id: 2, day: 2, seen: 1_000, changed: 400, anomalies: [{ titleType: "full", suburbId: "11", suburbName: "Umbilo", rowsBefore: 200 }] });
  await task(2, "full", "10", 640);
  await task(2, "full", "11", 0);
  await task(2, "sectional", "10", 210);
  await run({ id: 3, day: 5, wholeRoll: false, seen: 50, changed: 1 });
  await task(3, "full", "10", 50);
  await run({ id: 4, day: 6, status: "failed" });
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

describe("dataHealth", () => {
  it("reports rows per title at each complete run, anomalies and freshness", async () => {
    const health = await dataHealth(db, { roll: "gv2022", schedule: "0 2 * * *", timezone: "Africa/Johannesburg", now: day(5, 12) });
    expect(health.history.map((point) => [point.runId, point.titleType, point.rows])).toEqual([
      [1, "full", 800],
      [1, "sectional", 200],
      [2, "full", 640],
      [2, "sectional", 210],
    ]);
    expect(health.suburbDrops).toEqual([expect.objectContaining({ runId: 2, suburbName: "Umbilo", rowsBefore: 200, titleType: "full" })]);
    expect(health.unusualRuns).toEqual([expect.objectContaining({ runId: 2, share: 0.4 })]);
    expect(health.lastSuccess).toEqual([expect.objectContaining({ roll: "gv2022", runId: 3, wholeRoll: false })]);
    // The partial run of day 5 does not count: the last whole-roll success (day 2) missed day 3's run.
    expect(health.freshness).toMatchObject({ state: "overdue", roll: "gv2022", lastSuccessAt: day(2, 1) });
  });

  it("is fresh right after a whole-roll success and says when nothing succeeded", async () => {
    expect((await dataHealth(db, { roll: "gv2022", schedule: "0 2 * * *", timezone: "Africa/Johannesburg", now: day(2, 12) })).freshness.state).toBe("fresh");
    expect((await dataHealth(db, { roll: "gv2017", schedule: "0 2 * * *", timezone: "Africa/Johannesburg", now: day(2, 12) })).freshness.state).toBe("never");
  });
});
