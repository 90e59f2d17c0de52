import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { mutationsBetween } from "@/lib/simulator/mutate-site";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { runScrape } from "./run-scrape";
import { resolveScrapeOptions, type ScrapeOptionsInput } from "./scrape-options";
import { RunInProgressError } from "./store/runs";
import { tryLockRoll } from "./store/run-lock";
import { EXPECTED_COLUMNS, expectedRows } from "./testing/expected-rows";

// The scraper against the simulated site over real HTTP, into a real PostgreSQL.

const log = createLogger({}, { level: "silent" });
let sim: Simulator;
let testDb: TestDatabase;
let db: Database;

function scrape(extra: Partial<ScrapeOptionsInput> = {}, resume?: number | "latest", analyzeEveryRows?: number) {
  const options = resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: 4, retries: 2, firstByteTimeoutMs: 2_000, outageBackoffMs: 200, ...extra });
  return runScrape({ db, options, log, resume, heartbeatMs: 200, analyzeEveryRows });
}

/** The stored rows of the roll, current (the default) or marked removed, by title type and rate number. */
async function storedRows(which: "current" | "removed" = "current") {
  const { rows } = await db.pool.query(
    `SELECT ${EXPECTED_COLUMNS.join(", ")} FROM valuations WHERE roll = 'gv2022' AND removed_at IS ${which === "current" ? "NULL" : "NOT NULL"}`,
  );
  return new Map(rows.map((row) => [`${row.title_type}:${row.rate_number}`, row]));
}

/** Field-by-field differences between stored rows and the rows expected, both keyed alike. */
function differences(stored: Map<string, Record<string, unknown>>, expected: Map<string, Record<string, unknown>>): string[] {
  const out = [...expected.keys()].filter((key) => !stored.has(key)).map((key) => `${key}: missing`);
  out.push(...[...stored.keys()].filter((key) => !expected.has(key)).map((key) => `${key}: not expected`));
  for (const [key, want] of expected) {
    const got = stored.get(key);
    if (!got) continue;
    for (const column of EXPECTED_COLUMNS) {
      if (!isDeepStrictEqual(got[column], want[column])) out.push(`${key} ${column}: stored ${JSON.stringify(got[column])}, expected ${JSON.stringify(want[column])}`);
    }
  }
  return out.slice(0, 20);
}

/** The key storedRows and expectedRows give a simulated property (a row without a rate number goes by its PIN). */
const mutationKey = (m: { titleType: string; rateNumber: string; pin: string }) => `${m.titleType}:${m.rateNumber === "" ? `PIN:${m.pin}` : m.rateNumber}`;

/** The rows of `site` the site dropped going from `from` to `to`, keyed as storedRows keys them. */
function droppedRows(from: Simulator["site"], to: Simulator["site"]) {
  const dropped = new Set(mutationsBetween(from, to).filter((m) => m.kind === "removed").map(mutationKey));
  return new Map([...expectedRows(from.rolls.gv2022)].filter(([key]) => dropped.has(key)));
}

async function changesOfRun(runId: number) {
  const { rows } = await db.pool.query<{ kind: string; title_type: string; rate_number: string; fields: string[] }>(
    `SELECT c.kind, v.title_type, v.rate_number, c.fields FROM valuation_changes c JOIN valuations v ON v.id = c.valuation_id
      WHERE c.run_id = $1 ORDER BY v.title_type, v.rate_number`,
    [runId],
  );
  return rows;
}

beforeAll(async () => {
  sim = await startSimulator({ rows: 5_000, seed: 7 });
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 6);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
  await sim.close();
});

describe("a whole-roll scrape of a 5,000-row simulated roll", () => {
  let firstRunId: number;

  it("stores every property with every field right: none missing, none extra", async () => {
    const summary = await scrape({}, undefined, 1_000);
    expect(summary.status).toBe("succeeded");
    expect(summary.tasksFailed).toBe(0);
    firstRunId = summary.runId;

    const expected = expectedRows(sim.site.rolls.gv2022);
    expect(expected.size).toBe(5_000);
    expect(differences(await storedRows(), expected)).toEqual([]);
    expect(summary.rowsAdded).toBe(5_000);
    // The first load refreshed the planner's statistics as the table grew.
    const { rows: stats } = await db.pool.query("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'valuations'");
    expect(Number(stats[0].analyze_count)).toBeGreaterThan(0);

    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: firstRunId } });
    expect(run).toMatchObject({ status: "succeeded", complete: true, rowsSeen: 5_000, rowsAdded: 5_000, tasksFailed: 0 });
    expect(run.sourceDates).toEqual({ valuations: "2022-02-11", ownership: "2022-02-11" });
    const tasks = await db.prisma.scrapeTask.findMany({ where: { runId: firstRunId } });
    expect(tasks.every((task) => task.status === "done" && task.expectedRows === task.parsedRows)).toBe(true);
  });

  it("changes nothing when scraped again", async () => {
    const before = await storedRows();
    const summary = await scrape();
    expect(summary).toMatchObject({ status: "succeeded", rowsAdded: 0, rowsChanged: 0, rowsUnchanged: 5_000, rowsRemoved: 0 });
    expect(await changesOfRun(summary.runId)).toEqual([]);
    expect(await storedRows()).toEqual(before);
  });

  it("records exactly the site's mutations as history", async () => {
    const previous = sim.site;
    sim.setGeneration(1);
    const mutations = mutationsBetween(previous, sim.site);
    expect(mutations.length).toBeGreaterThan(10);

    const summary = await scrape();
    expect(summary.status).toBe("succeeded");
    const expected = mutations
      .filter((m) => m.kind === "removed" || m.kind === "added" || (m.cells?.length ?? 0) > 0)
      .map((m) => ({ kind: m.kind, key: mutationKey(m), cells: m.kind === "changed" ? [...(m.cells ?? [])].sort() : [] }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const recorded = (await changesOfRun(summary.runId))
      .map((c) => ({ kind: c.kind, key: `${c.title_type}:${c.rate_number}`, cells: [...c.fields].sort() }))
      .sort((a, b) => a.key.localeCompare(b.key));
    expect(recorded).toEqual(expected);
    expect(summary.rowsRemoved).toBe(mutations.filter((m) => m.kind === "removed").length);

    const stored = await storedRows();
    expect(stored.size).toBe(sim.site.rolls.gv2022.size);
  });

  it("keeps removed rows (marked, never deleted, every field as it was) and restores them when they return", async () => {
    const generation1 = sim.site;
    sim.setGeneration(0);
    const generation0 = sim.site;
    // Exactly the rows generation 1 dropped are kept, marked removed, each field as generation 0 had it.
    const dropped = droppedRows(generation0, generation1);
    expect(dropped.size).toBeGreaterThan(0);
    expect(differences(await storedRows("removed"), dropped)).toEqual([]);

    // Back at generation 0 they return: each restored, every field as before, and nothing else restored.
    const summary = await scrape();
    expect(summary.status).toBe("succeeded");
    const restored = (await changesOfRun(summary.runId)).filter((change) => change.kind === "restored");
    expect(restored.map((change) => `${change.title_type}:${change.rate_number}`).sort()).toEqual([...dropped.keys()].sort());
    expect(restored.every((change) => change.fields.length === 0)).toBe(true);
    expect(differences(await storedRows(), expectedRows(generation0.rolls.gv2022))).toEqual([]);
    // What generation 1 added is what generation 0 lacks: now those are the removed rows.
    expect(differences(await storedRows("removed"), droppedRows(generation1, generation0))).toEqual([]);
  });
});

describe("property profile pages (--details)", () => {
  it("fetches a budget of profiles, never-fetched first, with every owner", async () => {
    const summary = await scrape({ details: true, detailsBudget: 40 });
    expect(summary.status).toBe("succeeded");
    expect(summary.detailsFetched).toBe(40);
    const { rows } = await db.pool.query<{ pin: string; title_type: string; detail: { owners: string[]; marketValue: number | null } }>(
      "SELECT pin, title_type, detail FROM valuations WHERE detail IS NOT NULL",
    );
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      const truth = sim.site.rolls.gv2022.byPin(row.pin);
      expect(row.detail.owners).toEqual(truth?.owners);
      expect(row.detail.marketValue).toBe(truth?.marketValue);
    }
    const again = await scrape({ details: true, detailsBudget: 40 });
    const { rows: fetched } = await db.pool.query("SELECT count(*)::int AS n FROM valuations WHERE detail IS NOT NULL");
    expect(again.detailsFetched).toBe(40);
    expect(fetched[0].n).toBe(80);
  });
});

describe("faults", () => {
  it("retries 500s, 429s with Retry-After, timeouts and truncated answers, and stores the truth", async () => {
    sim.faults.add({ path: /SearchResult/i, kind: "500", times: 2 });
    sim.faults.add({ path: /SearchResult/i, kind: "429", times: 1 });
    sim.faults.add({ path: /SearchResult/i, kind: "timeout", times: 1 });
    sim.faults.add({ path: /SearchResult/i, kind: "truncate", times: 2 });
    sim.clearRequests();
    const summary = await scrape({ suburbIds: undefined });
    expect(summary.status).toBe("succeeded");
    expect(summary.tasksFailed).toBe(0);
    expect(summary.rowsAdded + summary.rowsChanged).toBe(0);
    const faulted = sim.requests.filter((r) => r.fault !== null).map((r) => r.fault);
    expect(faulted.sort()).toEqual(["429", "500", "500", "timeout", "truncate", "truncate"]);
    // The simulator's 429 says "Retry-After: 1". With two retries ky's own backoff waits at most
    // 900 ms (300 ms, then 600 ms, each jittered up to ×1.5), so a second or more is the header's.
    const limited = sim.requests.findIndex((r) => r.fault === "429");
    const retried = sim.requests.slice(limited + 1).find((r) => r.url === sim.requests[limited]!.url);
    expect(retried!.receivedAt - sim.requests[limited]!.answeredAt).toBeGreaterThanOrEqual(1_000);
    const stored = await storedRows();
    expect(stored.size).toBe(sim.site.rolls.gv2022.size);
  });

  it("fails a task whose table changed shape, stores none of it and marks nothing removed", async () => {
    // The site drops rows (generation 1), so a run that applied removals would have some to apply.
    const before = sim.site;
    sim.setGeneration(1);
    const dropped = droppedRows(before, sim.site);
    expect(dropped.size).toBeGreaterThan(0);
    const storedBefore = await storedRows();
    const removedBefore = await storedRows("removed");
    sim.faults.add({ path: /SearchResult/i, kind: "layout", times: 1 });
    const summary = await scrape();
    expect(summary.status).toBe("failed");
    expect(summary.tasksFailed).toBe(1);
    expect(summary.rowsRemoved).toBe(0);
    expect(summary.failures[0]?.error).toMatch(/header|table/i);
    expect(summary.error).toMatch(/nothing was marked removed/);
    // Rows may come back (restored by the tasks that finished); none may be marked removed.
    expect([...(await storedRows("removed")).keys()].filter((key) => !removedBefore.has(key))).toEqual([]);
    const current = await storedRows();
    expect([...dropped.keys()].filter((key) => !current.has(key))).toEqual([]);
    const task = await db.prisma.scrapeTask.findFirstOrThrow({ where: { runId: summary.runId, status: "failed" } });
    expect(task.error).toMatch(/header|table/i);
    expect(task.url).toMatch(/SearchResult\.aspx\?Roll=/);
    // None of the failed task's rows were stored: its suburb's rows are as they were.
    const ofTask = (rows: Map<string, Record<string, unknown>>) => [...rows].filter(([, row]) => row.suburb_id === task.suburbId && row.title_type === task.titleType);
    expect(ofTask(current)).toEqual(ofTask(storedBefore));

    // The same run resumed on a healthy site finishes what failed, and only then marks the dropped rows removed.
    const resumed = await scrape({}, summary.runId);
    expect(resumed).toMatchObject({ runId: summary.runId, status: "succeeded", tasksFailed: 0, rowsRemoved: dropped.size });
    expect(differences(await storedRows("removed"), dropped)).toEqual([]);
  });

  it("reads by volume a suburb whose own answer keeps failing with 500 (the site's database gives up on big answers)", async () => {
    const suburb = sim.site.suburbs[0]!;
    const before = await storedRows();
    sim.faults.add({ path: new RegExp(`VolumeNo=&RateNumber=&StreetNo=&StreetName=&Suburb=${suburb.id}&`), kind: "500" });
    const summary = await scrape({ retries: 2, suburbIds: [String(suburb.id)], titleTypes: ["full"] });
    sim.faults.clear();
    expect(summary).toMatchObject({ status: "succeeded", tasksFailed: 0, rowsRemoved: 0 });
    expect(await storedRows()).toEqual(before);
    const task = await db.prisma.scrapeTask.findFirstOrThrow({ where: { runId: summary.runId } });
    expect(task.verifiedBy).toBe("volumes");
  });

  it("gives up on a suburb whose pieces keep answering 500 too, and says which URL failed", async () => {
    const suburb = sim.site.suburbs[0]!;
    sim.faults.add({ path: new RegExp(`Suburb=${suburb.id}&`), kind: "500" });
    const summary = await scrape({ retries: 2, suburbIds: [String(suburb.id)], titleTypes: ["full"] });
    sim.faults.clear();
    expect(summary.status).toBe("failed");
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]?.error).toMatch(/HTTP 500/);
    expect(summary.failures[0]?.url).toMatch(/SearchResult\.aspx/);
  });

  it("reads a suburb that answers No Match once again before believing it: a transient No Match loses nothing", async () => {
    const suburb = sim.site.suburbs[0]!;
    sim.faults.add({ path: new RegExp(`Roll=1&VolumeNo=&RateNumber=&StreetNo=&StreetName=&Suburb=${suburb.id}&`), kind: "empty", times: 1 });
    sim.clearRequests();
    const before = await storedRows();
    const summary = await scrape({ titleTypes: ["full"] });
    expect(summary).toMatchObject({ status: "succeeded", anomalies: [], rowsRemoved: 0 });
    expect(sim.requests.filter((r) => r.fault === "empty")).toHaveLength(1);
    expect(await storedRows()).toEqual(before);
    const task = await db.prisma.scrapeTask.findFirstOrThrow({ where: { runId: summary.runId, suburbId: String(suburb.id) } });
    expect(task.verifiedBy).toBe("small");
  });

  it("treats a suburb that had rows and stays empty, by volume too, as an anomaly and keeps its rows", async () => {
    const suburb = sim.site.suburbs[0]!;
    // The suburb's answer and each of its 89 volumes, read again where empty: every one No Match.
    sim.faults.add({ path: new RegExp(`Roll=1&VolumeNo=\\d*&RateNumber=&StreetNo=&StreetName=&Suburb=${suburb.id}&`), kind: "empty" });
    const before = await storedRows();
    const summary = await scrape({ titleTypes: ["full"] });
    sim.faults.clear();
    expect(summary.status).toBe("succeeded");
    expect(summary.anomalies).toEqual([expect.objectContaining({ suburbId: String(suburb.id), titleType: "full" })]);
    expect(summary.rowsRemoved).toBe(0);
    expect(await storedRows()).toEqual(before);
    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.anomalies).toHaveLength(1);
  });
});

describe("one run per roll", () => {
  it("refuses a second run while the roll is locked, naming the running one", async () => {
    const lock = await tryLockRoll(db.pool, "gv2022");
    expect(lock).not.toBeNull();
    try {
      await expect(scrape()).rejects.toThrow(RunInProgressError);
    } finally {
      await lock!.release();
    }
  });

  it("writes nothing on a dry run", async () => {
    const runs = await db.prisma.scrapeRun.count();
    const { dryRunScrape } = await import("./dry-run");
    const summary = await dryRunScrape(resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, titleTypes: ["sectional"] }), log);
    expect(summary.failures).toEqual([]);
    expect(summary.rows).toBe([...sim.site.rolls.gv2022.properties()].filter((p) => p.titleType === "sectional").length);
    expect(await db.prisma.scrapeRun.count()).toBe(runs);
  });
});
