import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, poolUsage, type Database } from "./client";
import { listMigrations } from "./migrate";
import { migrate } from "./prepare-database";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("database layer on a real PostgreSQL", () => {
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

  it("records every migration in _prisma_migrations with Prisma's checksum", async () => {
    const { rows } = await db.pool.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(listMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("migrating again applies nothing", async () => {
    const result = await migrate(testDb.url);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(listMigrations().length);
  });

  it("Prisma and raw SQL share the pool and see the same rows", async () => {
    const run = await db.prisma.scrapeRun.create({
      data: { roll: "gv2022", trigger: "cli", baseUrl: "http://127.0.0.1/", options: {} },
    });
    const { rows } = await db.pool.query("SELECT id, status FROM scrape_runs WHERE id = $1", [run.id]);
    expect(rows).toEqual([{ id: run.id, status: "running" }]);
  });

  it("has pg_trgm for the search index", async () => {
    const { rows } = await db.pool.query("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'");
    expect(rows).toHaveLength(1);
  });

  it("bounds statements, idle transactions and the wait for a connection as configured", async () => {
    const bounded = createDatabase(testDb.url, 1, { statementTimeoutMs: 200, idleInTransactionTimeoutMs: 300, connectionTimeoutMs: 300 });
    try {
      await expect(bounded.pool.query("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
      const client = await bounded.pool.connect();
      try {
        // The pool's one connection is taken: the next query gives up instead of waiting for ever.
        await expect(bounded.pool.query("SELECT 1")).rejects.toThrow(/timeout/i);
        await client.query("BEGIN");
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await expect(client.query("SELECT 1")).rejects.toThrow();
      } finally {
        client.release(true);
      }
      expect(poolUsage(bounded.pool)).toMatchObject({ max: 1, waiting: 0 });
    } finally {
      await closeDatabase(bounded);
    }
  });

  it("keeps an idle connection open as long as configured, and no longer", async () => {
    const backend = async (pool: Database["pool"]) => (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const brief = createDatabase(testDb.url, 1, { idleTimeoutMs: 100 });
    const kept = createDatabase(testDb.url, 1, { idleTimeoutMs: 60_000 });
    try {
      const [briefPid, keptPid] = [await backend(brief.pool), await backend(kept.pool)];
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await backend(brief.pool)).not.toBe(briefPid);
      expect(await backend(kept.pool)).toBe(keptPid);
    } finally {
      await closeDatabase(brief);
      await closeDatabase(kept);
    }
  });

  it("puts no statement timeout on the scripts' and worker's pool", async () => {
    const { rows } = await db.pool.query<{ statement_timeout: string }>("SHOW statement_timeout");
    expect(rows[0]!.statement_timeout).toBe("0");
  });
});
