import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { EXPECTED_COLUMNS, expectedRows } from "./testing/expected-rows";

// kill -9 in the middle of a CLI scrape, then `--resume`: nothing lost, nothing twice.

let sim: Simulator;
let testDb: TestDatabase;
let db: Database;

function cli(args: string[]) {
  // node itself (not npx or the tsx wrapper), so that SIGKILL hits the process doing the work.
  return spawn(process.execPath, ["--import", "tsx", "scripts/scrape.ts", "--base-url", sim.url, "--delay-ms", "0", "--json", ...args], {
    env: { ...process.env, DATABASE_URL: testDb.url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exitOf(child: ReturnType<typeof cli>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

async function tasksDone(): Promise<number> {
  const { rows } = await db.pool.query("SELECT coalesce(max(tasks_done), 0)::int AS n FROM scrape_runs");
  return rows[0].n;
}

beforeAll(async () => {
  sim = await startSimulator({ rows: 3_000, seed: 11 });
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
  await sim.close();
});

describe("kill -9 and --resume", () => {
  it("finishes the interrupted run without losing or duplicating a row", async () => {
    sim.faults.latencyMs = 250;
    const first = cli(["--concurrency", "1"]);
    const firstExit = exitOf(first);
    const deadline = Date.now() + 60_000;
    while ((await tasksDone()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    first.kill("SIGKILL");
    const killed = await firstExit;
    expect(killed.code).toBeNull();

    const run = await db.prisma.scrapeRun.findFirstOrThrow();
    expect(run.status).toBe("running");
    expect(run.tasksDone).toBeGreaterThanOrEqual(3);
    expect(run.tasksDone).toBeLessThan(run.tasksTotal);

    sim.faults.latencyMs = 0;
    const resumed = await exitOf(cli(["--resume"]));
    expect(resumed.stderr).not.toMatch(/error:/);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Run #${run.id} succeeded`);

    const after = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ status: "succeeded", complete: true, tasksDone: run.tasksTotal, tasksFailed: 0, rowsSeen: 3_000 });
    expect(await db.prisma.scrapeRun.count()).toBe(1);

    const expected = expectedRows(sim.site.rolls.gv2022);
    const { rows } = await db.pool.query(`SELECT ${EXPECTED_COLUMNS.join(", ")} FROM valuations`);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) expect(row).toEqual(expected.get(`${row.title_type}:${row.rate_number}`));

    const { rows: history } = await db.pool.query(
      `SELECT kind, count(*)::int AS n, count(DISTINCT valuation_id)::int AS distinct_rows FROM valuation_changes GROUP BY kind`,
    );
    expect(history).toEqual([{ kind: "added", n: 3_000, distinct_rows: 3_000 }]);
  });

  it("exits 2 with the usage on a bad flag, and 3 while another scrape holds the roll", async () => {
    const bad = await exitOf(cli(["--concurrency", "lots"]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--concurrency takes a whole number, got "lots"');
    expect(bad.stderr).toContain("Usage: npm run scrape");

    // Slow enough that the first run is still busy when the second one starts (on a loaded machine too).
    sim.faults.latencyMs = 2_000;
    const running = cli(["--concurrency", "1"]);
    const runningExit = exitOf(running);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM scrape_runs WHERE status = 'running'");
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const second = await exitOf(cli([]));
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/another scrape of gv2022 is running \(run #\d+/);
    running.kill("SIGINT");
    const stopped = await runningExit;
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/cancelled/);
    sim.faults.latencyMs = 0;
  });
});
