import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/prepare-database";
import { createLogger } from "@/lib/log";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { runScrape } from "./run-scrape";
import { resolveScrapeOptions } from "./scrape-options";

// PostgreSQL restarts in the middle of a run (on a server of the test's own, the embedded one):
// the run waits for it and carries on, and ends with every row stored once.

const dir = mkdtempSync(path.join(tmpdir(), "dvre-restart-"));
const port = 56_000 + Math.floor(Math.random() * 2_000);
let server: EmbeddedDatabase;
let sim: Simulator;
let db: Database;

beforeAll(async () => {
  server = await startEmbeddedDatabase({ dir, port });
  await migrate(server.url);
  db = createDatabase(server.url, 4);
  sim = await startSimulator({ rows: 2_000, seed: 5 });
});

afterAll(async () => {
  await closeDatabase(db);
  await server.stop();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a database restart during a scrape", () => {
  it("waits for the database and finishes the run", async () => {
    sim.faults.latencyMs = 150;
    const warnings: string[] = [];
    const log = createLogger({}, { level: "warn", write: (line) => warnings.push(line) });
    const options = resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: 1 });
    let restarted = false;
    const summary = await runScrape({
      db,
      options,
      log,
      heartbeatMs: 100,
      onProgress: (progress) => {
        if (progress.tasksDone === 2 && !restarted) {
          restarted = true;
          void (async () => {
            await server.stop();
            await new Promise((resolve) => setTimeout(resolve, 1_500));
            server = await startEmbeddedDatabase({ dir, port });
          })();
        }
      },
    });
    expect(restarted).toBe(true);
    expect(summary.error).toBeNull();
    expect(summary.status).toBe("succeeded");
    expect(summary.tasksFailed).toBe(0);
    expect(warnings.some((line) => line.includes("database unavailable; waiting"))).toBe(true);

    const { rows } = await db.pool.query("SELECT count(*)::int AS n, count(DISTINCT (title_type, rate_number))::int AS keys FROM valuations");
    expect(rows[0]).toEqual({ n: 2_000, keys: 2_000 });
    const run = await db.prisma.scrapeRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: "succeeded", complete: true, rowsSeen: 2_000, rowsAdded: 2_000 });
  });
});
