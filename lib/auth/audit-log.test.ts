import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { pruneAuditLog, recordAudit } from "./audit-log";

// AUDIT_LOG_RETENTION_DAYS (default 365): the writes themselves delete what is older.

let testDb: TestDatabase;
let db: Database;
const log = createLogger({}, { level: "silent" });

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
});
afterAll(async () => {
  if (db) await closeDatabase(db);
  await testDb?.drop();
});

async function entryAgedDays(days: number, actor: string) {
  await db.pool.query(
    `INSERT INTO audit_log (at, actor, action, outcome, client_address) VALUES (now() - $1::int * interval '1 day', $2, 'sign-in', 'failed', '192.0.2.1')`,
    [days, actor],
  );
}
const actors = async () => (await db.pool.query<{ actor: string }>(`SELECT actor FROM audit_log ORDER BY id`)).rows.map((row) => row.actor);

describe("audit log retention", () => {
  it("a write deletes entries older than the retention period (365 days by default) and keeps the rest", async () => {
    await entryAgedDays(400, "too old");
    await entryAgedDays(300, "kept");
    await recordAudit(db, { actor: "api token", action: "api-token", outcome: "failed", clientAddress: "192.0.2.2" }, log);
    expect(await actors()).toEqual(["kept", "api token"]);
  });

  it("prunes to any number of days", async () => {
    await entryAgedDays(40, "forty days");
    expect(await pruneAuditLog(db, 30)).toBe(2);
    expect(await actors()).toEqual(["api token"]);
  });
});
