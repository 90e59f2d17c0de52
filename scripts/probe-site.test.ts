import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { probeReportSchema } from "@/lib/probe/probe-report";
import { startSimulator, type Simulator } from "@/lib/simulator/server";

// `npm run probe-site` as an operator runs it: against the simulator's real profile, healthy and
// then in a database outage, with its exit codes, its JSON file and its row in site_probes.

const root = path.resolve(import.meta.dirname, "..");
let sim: Simulator;
let testDb: TestDatabase;
let db: Database;
let dir: string;

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, DATABASE_URL: testDb.url, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const probeSite = (args: string[]) => run("npm", ["run", "--silent", "probe-site", "--", "--delay-ms", "0", "--timeout-ms", "5000", ...args]);

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
  sim = await startSimulator({ rows: 2_000, seed: 3, profile: "real", real: { firstByteDelay: { baseMs: 20, perRowMs: 0.5 } } });
  dir = mkdtempSync(path.join(tmpdir(), "probe-site-"));
});

afterAll(async () => {
  await sim.close();
  await closeDatabase(db);
  await testDb.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run probe-site", () => {
  it("exits 2 with the usage for a bad flag, and stores nothing", async () => {
    const result = await run(process.execPath, ["--import", "tsx", "scripts/probe-site.ts", "--roll", "gv1999"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: --roll: must be one of gv2026, gv2022, gv2017, gv2012 (the roll registry; add a roll in /admin)");
    expect(result.stderr).toContain("Usage: npm run probe-site");
    expect(await db.prisma.siteProbe.count()).toBe(0);
  });

  it("exits 0 for a healthy site, prints the summary, writes the JSON and stores the probe", async () => {
    const out = path.join(dir, "report.json");
    const result = await probeSite(["--base-url", sim.url, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Verdict: OK: the site can be scraped now");
    expect(result.stdout).toContain("All=true: No Match: the site answers differently");
    const report = probeReportSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(report).toMatchObject({ verdict: "ok", baseUrl: sim.url, roll: "gv2022" });
    const stored = await db.prisma.siteProbe.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ roll: "gv2022", baseUrl: sim.url, ok: true, triggeredBy: "cli" });
    expect(stored[0]!.summary).toContain("Verdict: OK");
    expect(probeReportSchema.parse(stored[0]!.report)).toEqual(report);
  });

  it("still prints the report and exits by the verdict when the database cannot store it (the roll then given, as the registry is there too)", async () => {
    const unreachable = "postgresql://postgres@127.0.0.1:1/nowhere";
    const script = ["--import", "tsx", "scripts/probe-site.ts", "--base-url", sim.url, "--delay-ms", "0"];
    const withoutRoll = await run(process.execPath, script, { DATABASE_URL: unreachable });
    expect(withoutRoll.code).toBe(2);
    expect(withoutRoll.stderr).toContain("warning: the roll registry could not be read");
    expect(withoutRoll.stderr).toContain("error: without a database (DATABASE_URL) give both --roll and --base-url");
    const result = await run(process.execPath, [...script, "--roll", "gv2022"], { DATABASE_URL: unreachable });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Verdict: OK");
    expect(result.stderr).toContain("warning: the report was not stored in the database:");
  });

  it("exits 1 during a database outage, saying so plainly, and stores the failed probe", async () => {
    sim.startOutage(120_000);
    const result = await probeSite(["--base-url", sim.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Verdict: DOWN: a scrape now would fail");
    expect(result.stdout).toContain(
      "  - the site answered HTTP 500 with a database error on the criteria page (Full Title): the municipality's database is down; try later",
    );
    const latest = await db.prisma.siteProbe.findFirst({ orderBy: { id: "desc" } });
    expect(latest).toMatchObject({ ok: false, triggeredBy: "cli" });
  });
});
