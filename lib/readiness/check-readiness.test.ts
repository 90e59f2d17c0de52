import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { listMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { checkReadiness } from "./check-readiness";
import { shippedMigrationNames } from "./migrations-applied";

let testDb: TestDatabase;
let db: Database;
const shipped = listMigrations().map((migration) => migration.name);
const options = { roll: "gv2022", freshnessHours: 36, migrations: shipped };

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 3);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

describe("checkReadiness", () => {
  it("knows the migrations this build ships", () => {
    expect(shippedMigrationNames()).toEqual(shipped);
    expect(shipped.length).toBeGreaterThan(0);
  });

  it("is not ready on a migrated database that was never scraped, and says why", async () => {
    const readiness = await checkReadiness(db.pool, options);
    expect(readiness).toEqual({
      status: "not_ready",
      checks: {
        database: { ok: true },
        migrations: { ok: true, applied: shipped.length, pending: [] },
        freshness: { ok: false, roll: "gv2022", lastSuccessAt: null, ageHours: null, maxAgeHours: 36 },
      },
      completeness: { lastRun: null, lastAgreedCrossCheckAt: null },
    });
  });

  it("is ready once a whole-roll scrape succeeded within the window, and stale after it", async () => {
    const finishedAt = new Date("2026-11-28T00:00:00Z");
    await db.prisma.scrapeRun.create({
      data: { roll: "gv2022", trigger: "cron", baseUrl: "http://sim/", options: {}, status: "succeeded", wholeRoll: true, complete: true, finishedAt },
    });
    const fresh = await checkReadiness(db.pool, { ...options, now: new Date("2026-11-28T10:00:00Z") });
    expect(fresh.status).toBe("ready");
    expect(fresh.checks.freshness).toEqual({ ok: true, roll: "gv2022", lastSuccessAt: finishedAt.toISOString(), ageHours: 10, maxAgeHours: 36 });
    expect(fresh.completeness).toEqual({
      lastRun: { id: expect.any(Number), finishedAt: finishedAt.toISOString(), complete: true, rowsVerified: 0, rowsRecovered: 0, oddCells: 0, crossCheck: null },
      lastAgreedCrossCheckAt: null,
    });
    const stale = await checkReadiness(db.pool, { ...options, now: new Date("2026-11-30T00:00:00Z") });
    expect(stale.status).toBe("not_ready");
    expect(stale.checks.freshness).toMatchObject({ ok: false, ageHours: 48 });
  });

  it("reports the last run's verification and when the cross-check last agreed, without gating readiness on it", async () => {
    const agreedAt = new Date("2026-11-28T02:00:00Z");
    const incompleteAt = new Date("2026-11-28T03:00:00Z");
    const crossCheck = { ran: true, agreed: true, reason: "no agreed cross-check yet", piecesFetched: 178 };
    await db.prisma.scrapeRun.create({
      data: { roll: "gv2022", trigger: "cron", baseUrl: "http://sim/", options: {}, status: "succeeded", wholeRoll: true, complete: true, finishedAt: agreedAt, crossCheck, rowsVerified: 5_000 },
    });
    const incomplete = await db.prisma.scrapeRun.create({
      data: {
        roll: "gv2022", trigger: "cron", baseUrl: "http://sim/", options: {}, status: "succeeded", wholeRoll: true, complete: false, finishedAt: incompleteAt,
        crossCheck: { ...crossCheck, agreed: false }, rowsVerified: 4_990, rowsRecovered: 4, oddCells: 7,
      },
    });
    const readiness = await checkReadiness(db.pool, { ...options, now: new Date("2026-11-28T10:00:00Z") });
    expect(readiness.status).toBe("ready");
    expect(readiness.completeness).toEqual({
      lastRun: {
        id: incomplete.id, finishedAt: incompleteAt.toISOString(), complete: false, rowsVerified: 4_990, rowsRecovered: 4, oddCells: 7,
        crossCheck: { ran: true, agreed: false, reason: "no agreed cross-check yet" },
      },
      lastAgreedCrossCheckAt: agreedAt.toISOString(),
    });
  });

  it("lists a migration the build ships that the database lacks", async () => {
    const readiness = await checkReadiness(db.pool, { ...options, migrations: [...shipped, "29990101000000_future"], now: new Date("2026-11-28T10:00:00Z") });
    expect(readiness.status).toBe("not_ready");
    expect(readiness.checks.migrations).toEqual({ ok: false, applied: shipped.length, pending: ["29990101000000_future"], error: "run the migrate command" });
  });

  it("fails when the build ships no migrations (they were not copied into the image)", async () => {
    const readiness = await checkReadiness(db.pool, { ...options, migrations: [] });
    expect(readiness.checks.migrations).toMatchObject({ ok: false, error: "this build ships no migrations: prisma/migrations is missing" });
  });

  it("says to migrate when the database is empty", async () => {
    const server = new URL(testDb.url);
    const name = `dvre_test_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    server.pathname = `/${name}`;
    const empty = createDatabase(server.toString(), 1);
    try {
      const readiness = await checkReadiness(empty.pool, options);
      expect(readiness.checks.database).toEqual({ ok: true });
      expect(readiness.checks.migrations).toEqual({ ok: false, applied: 0, pending: shipped, error: "no migration has been applied: run the migrate command" });
      expect(readiness.status).toBe("not_ready");
    } finally {
      await closeDatabase(empty);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("fails within its time limit when the database does not answer", async () => {
    const locker = await db.pool.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE scrape_runs IN ACCESS EXCLUSIVE MODE");
    try {
      const readiness = await checkReadiness(db.pool, { ...options, timeoutMs: 300 });
      expect(readiness.status).toBe("not_ready");
      expect(readiness.checks.database).toEqual({ ok: false, error: "no answer within 300 ms" });
    } finally {
      await locker.query("ROLLBACK");
      locker.release();
    }
  });

  it("fails when the database cannot be reached at all", async () => {
    // A port that accepts nothing useful: connect() hangs, and the check gives up on its own.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const hung = createDatabase(`postgresql://postgres@127.0.0.1:${port}/none`, 1);
    const refused = createDatabase("postgresql://postgres@127.0.0.1:1/none", 1);
    try {
      expect((await checkReadiness(hung.pool, { ...options, timeoutMs: 300 })).checks.database).toEqual({ ok: false, error: "no answer within 300 ms" });
      expect((await checkReadiness(refused.pool, options)).checks.database).toEqual({ ok: false, error: "could not connect" });
    } finally {
      silent.close();
      for (const socket of sockets) socket.destroy();
      await hung.pool.end().catch(() => {});
      await refused.pool.end().catch(() => {});
    }
  });
});
