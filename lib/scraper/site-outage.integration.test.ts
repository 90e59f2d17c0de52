import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { runDetail } from "@/lib/admin/run-queries";
import { describePause } from "@/lib/admin/run-pause";
import { createLogger, type Logger } from "@/lib/log";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { runScrape, type ScrapeProgress } from "./run-scrape";
import { resolveScrapeOptions, type ScrapeOptionsInput } from "./scrape-options";
import { expectedRows } from "./testing/expected-rows";

// Outages, a page that keeps failing, a broken SearchType.aspx and a 429, against the simulated
// site over real HTTP into a real PostgreSQL, with the breaker's windows shortened.

const log = createLogger({}, { level: "silent" });
const OUTAGE_FAILURES = 3;
const CONCURRENCY = 2;
let sim: Simulator;
let testDb: TestDatabase;
let db: Database;

function scrape(extra: Partial<ScrapeOptionsInput> = {}, onProgress?: (progress: ScrapeProgress) => void, logger: Logger = log) {
  const options = resolveScrapeOptions({
    roll: "gv2022",
    baseUrl: sim.url,
    delayMs: 0,
    concurrency: CONCURRENCY,
    retries: 1,
    firstByteTimeoutMs: 5_000,
    outageFailures: OUTAGE_FAILURES,
    outageBackoffMs: 300,
    outageMaxBackoffMs: 600,
    outagePatienceMs: 60_000,
    ...extra,
  });
  return runScrape({ db, options, log: logger, onProgress, heartbeatMs: 200 });
}

async function storedKeys(): Promise<string[]> {
  const { rows } = await db.pool.query<{ key: string }>(
    "SELECT title_type || ':' || rate_number AS key FROM valuations WHERE roll = 'gv2022' AND removed_at IS NULL ORDER BY 1",
  );
  return rows.map((row) => row.key);
}

beforeAll(async () => {
  sim = await startSimulator({ rows: 1_500, seed: 23 });
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 4);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
  await sim.close();
});

beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

describe("a database outage longer than the retry window", () => {
  it("pauses the whole run, probes, carries on, and stores every row with no task failed", async () => {
    let outageStarted = false;
    const seen: ScrapeProgress[] = [];
    const lines: { msg: string; nextTryAt?: string }[] = [];
    const jsonLog = createLogger({}, { level: "warn", write: (line) => lines.push(JSON.parse(line)) });
    const running = scrape(
      {},
      (progress) => {
        seen.push(progress);
        // Early in the run, with most tasks still to go.
        if (!outageStarted && progress.tasksDone >= 2) {
          outageStarted = true;
          sim.startOutage(3_000);
        }
      },
      jsonLog,
    );
    let settled = false;
    void running.finally(() => (settled = true));
    // While paused, the run row and the admin page say so.
    let adminSaw: string | null = null;
    while (adminSaw === null && !settled) {
      const { rows } = await db.pool.query<{ id: number }>("SELECT id FROM scrape_runs WHERE paused_until IS NOT NULL");
      const detail = rows[0] ? await runDetail(db, rows[0].id, 60_000) : null;
      adminSaw = detail ? describePause(detail.pause) : null;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const summary = await running;
    expect(adminSaw).toMatch(/^Site down, next try at \d\d:\d\d:\d\d \(Johannesburg time\)/);
    const paused = lines.find((line) => line.msg === "site down; the run is paused");
    expect(paused?.nextTryAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lines.some((line) => line.msg === "the site answers again; the run carries on")).toBe(true);
    expect(outageStarted).toBe(true);
    expect(summary).toMatchObject({ status: "succeeded", tasksFailed: 0, error: null });
    expect(summary.pausedMs).toBeGreaterThan(0);
    expect(await storedKeys()).toEqual([...expectedRows(sim.site.rolls.gv2022).keys()].sort());

    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run).toMatchObject({ status: "succeeded", complete: true, tasksFailed: 0, pausedUntil: null });
    expect(Number(run.pausedMs)).toBeGreaterThan(0);
    expect(await db.prisma.scrapeTask.count({ where: { runId: run.id, status: { not: "done" } } })).toBe(0);

    // The progress said the site was down (the CLI's "site down, next try at …").
    expect(seen.some((p) => p.pausedUntil !== null)).toBe(true);
    expect(seen.at(-1)?.pausedUntil ?? null).toBeNull();

    // No hammering: the pages that met the outage are the few that opened the breaker and at most
    // one more per slot in flight; after that only probes (of the criteria page) went out.
    const inOutage = sim.requests.filter((r) => r.fault === "outage");
    const probes = inOutage.filter((r) => /SearchCrit\.aspx/i.test(r.url));
    expect(probes.length).toBeGreaterThan(0);
    expect(inOutage.length - probes.length).toBeLessThanOrEqual(OUTAGE_FAILURES + CONCURRENCY);
  });
});

describe("an outage longer than the patience", () => {
  it("fails the run, resumable, with no task failed; resumed once the site is back, it finishes", async () => {
    let outageStarted = false;
    const failed = await scrape({ outagePatienceMs: 800 }, (progress) => {
      if (!outageStarted && progress.tasksDone >= 1) {
        outageStarted = true;
        sim.startOutage(2_500);
      }
    });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/^the site is down: the site has not answered since .*; nothing was marked removed; resume with --resume \d+$/);
    expect(failed.tasksFailed).toBe(0);
    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: failed.runId } });
    expect(run).toMatchObject({ status: "failed", pausedUntil: null });
    expect(await db.prisma.scrapeTask.count({ where: { runId: run.id, status: "failed" } })).toBe(0);

    while (sim.outageActive) await new Promise((resolve) => setTimeout(resolve, 50));
    const options = resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: CONCURRENCY, retries: 1, outageBackoffMs: 300 });
    const resumed = await runScrape({ db, options, log, resume: failed.runId, heartbeatMs: 200 });
    expect(resumed).toMatchObject({ runId: failed.runId, status: "succeeded", tasksFailed: 0 });
    expect(await storedKeys()).toEqual([...expectedRows(sim.site.rolls.gv2022).keys()].sort());
  });
});

describe("one page that keeps failing while the site answers", () => {
  it("fails only its own task", async () => {
    const broken = sim.site.suburbs[1]!;
    sim.faults.add({ path: new RegExp(`Roll=1&.*Suburb=${broken.id}&`), kind: "500" });
    const summary = await scrape();
    expect(summary.status).toBe("failed");
    expect(summary.failures).toEqual([expect.objectContaining({ suburbId: String(broken.id), titleType: "full", error: expect.stringMatching(/HTTP 500/) })]);
    expect(summary.tasksDone).toBe(summary.tasksTotal - 1);
    const failed = await db.prisma.scrapeTask.findMany({ where: { runId: summary.runId, status: "failed" } });
    expect(failed.map((task) => task.suburbId)).toEqual([String(broken.id)]);
  });
});

describe("SearchType.aspx", () => {
  it("is best-effort: when it fails, the dates are unknown, a warning is stored, and the run completes", async () => {
    sim.faults.add({ path: /SearchType\.aspx/i, kind: "500" });
    const summary = await scrape();
    expect(summary).toMatchObject({ status: "succeeded", tasksFailed: 0 });
    expect(summary.warnings).toEqual([expect.stringMatching(/"as at" dates could not be read from FramePages\/SearchType\.aspx \(HTTP 500/)]);
    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.sourceDates).toEqual({ valuations: null, ownership: null });
    expect(run.warnings).toEqual([{ at: expect.any(String), message: summary.warnings[0] }]);
  });
});

describe("429 Too Many Requests", () => {
  it("waits as long as Retry-After says before asking again", async () => {
    sim.faults.add({ path: /SearchResult\.aspx/i, kind: "429", times: 1 });
    const summary = await scrape({ titleTypes: ["full"], suburbIds: [String(sim.site.suburbs[0]!.id)] });
    expect(summary.status).toBe("succeeded");
    const index = sim.requests.findIndex((r) => r.fault === "429");
    const limited = sim.requests[index]!;
    const retried = sim.requests.slice(index + 1).find((r) => r.url === limited.url)!;
    expect(retried.status).toBe(200);
    // The simulator says "Retry-After: 1" (seconds).
    expect(retried.receivedAt - limited.answeredAt).toBeGreaterThanOrEqual(1_000);
  });
});

describe("the real-site profile: slow first bytes and an outage of every database page", () => {
  it("rides out the outage and stores every row, with no task failed", async () => {
    const real = await startSimulator({
      rows: 1_200,
      seed: 31,
      profile: "real",
      // Answers wait for their first byte in proportion to their size, as the live site's do.
      real: { firstByteDelay: { baseMs: 50, perRowMs: 2 }, databaseTimeoutMs: null },
    });
    // A database of its own: the roll here is another site's than the other tests'.
    const ownDb = await createTestDatabase();
    const realDb = createDatabase(ownDb.url, 4);
    try {
      let outageStarted = false;
      const options = resolveScrapeOptions({
        roll: "gv2022",
        baseUrl: real.url,
        delayMs: 0,
        concurrency: CONCURRENCY,
        retries: 1,
        firstByteTimeoutMs: 20_000,
        stallTimeoutMs: 1_000,
        outageFailures: OUTAGE_FAILURES,
        outageBackoffMs: 300,
        outageMaxBackoffMs: 600,
        crossCheck: "never",
      });
      const summary = await runScrape({
        db: realDb,
        options,
        log,
        heartbeatMs: 200,
        onProgress: (progress) => {
          if (!outageStarted && progress.tasksDone >= 2) {
            outageStarted = true;
            real.startOutage(3_000);
          }
        },
      });
      expect(outageStarted).toBe(true);
      expect(summary).toMatchObject({ status: "succeeded", tasksFailed: 0 });
      expect(summary.pausedMs).toBeGreaterThan(0);
      expect(real.requests.some((r) => r.fault === "outage" && /SearchCrit\.aspx/i.test(r.url))).toBe(true);
      const { rows } = await realDb.pool.query<{ key: string }>(
        "SELECT title_type || ':' || rate_number AS key FROM valuations WHERE roll = 'gv2022' AND removed_at IS NULL ORDER BY 1",
      );
      expect(rows.map((row) => row.key)).toEqual([...expectedRows(real.site.rolls.gv2022).keys()].sort());
    } finally {
      await closeDatabase(realDb);
      await ownDb.drop();
      await real.close();
    }
  });
});
