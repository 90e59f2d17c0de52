import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeRoll } from "@/lib/roll-links/testing/store-roll";
import { ROLL_ID_MESSAGE } from "@/lib/rolls/roll-id";

// `npm run link-rolls` as an operator runs it: --help with no database at all, bad options, a roll
// not stored, and a real linking of two stored rolls.

const root = path.resolve(import.meta.dirname, "..");
let testDb: TestDatabase;
let db: Database;

function linkRolls(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "link-rolls", "--", ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
  const row = (rateNumber: string, legalDescription: string, value: number) => ({ titleType: "full" as const, rateNumber, legalDescription, suburb: "PINETOWN", value });
  await storeRoll(db, "gv2017", [row("00000100", "ERF 1 of PINETOWN", 500_000), row("00000101", "ERF 2 of PINETOWN", 400_000)]);
  await storeRoll(db, "gv2022", [row("00000100", "ERF 1 of PINETOWN", 600_000), row("00000900", "ERF 2 of PINETOWN", 450_000), row("00000901", "ERF 3 of PINETOWN", 1)]);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

describe("npm run link-rolls", () => {
  it("answers --help without a database (no DATABASE_URL, nothing started)", async () => {
    const result = await linkRolls(["--help"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: npm run link-rolls -- --from <roll> --to <roll>");
  });

  it("exits 2 on bad options and 1 on a roll not stored, saying why", async () => {
    const bad = await linkRolls(["--from", "2017", "--to", "gv2022"], { DATABASE_URL: testDb.url });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`error: --from ${ROLL_ID_MESSAGE} (got "2017")`);
    const missing = await linkRolls(["--from", "gv2012", "--to", "gv2022"], { DATABASE_URL: testDb.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error: no properties of gv2012 are stored: scrape it first");
  });

  it("links two stored rolls and says what it found", async () => {
    const result = await linkRolls(["--from", "gv2017", "--to", "gv2022"], { DATABASE_URL: testDb.url });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.replace(/\u00a0/g, " ")).toContain("Linked gv2017 to gv2022: 2 links (rate-number 1, legal-description 1, subdivision 0, consolidation 0, scheme 0).");
    expect(result.stdout).toContain("Gone since gv2017: 0. New on gv2022: 1.");
    const { rows } = await db.pool.query("SELECT from_rate_number, to_rate_number, method FROM roll_links ORDER BY from_rate_number");
    expect(rows).toEqual([
      { from_rate_number: "00000100", to_rate_number: "00000100", method: "rate-number" },
      { from_rate_number: "00000101", to_rate_number: "00000900", method: "legal-description" },
    ]);
  });
});
