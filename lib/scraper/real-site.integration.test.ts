import { isDeepStrictEqual } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { runScrape, type ScrapeProgress } from "./run-scrape";
import { resolveScrapeOptions, type ScrapeOptionsInput } from "./scrape-options";
import { EXPECTED_COLUMNS, expectedRows } from "./testing/expected-rows";

// The scraper against the simulator's real-site profile (caption = rows sent, a capped answer
// under the banner, slow first bytes, NaN and negative cells, transient "No Match", unsorted rows,
// PType/FType from the data), over real HTTP into a real PostgreSQL. Small caps and thresholds
// stand in for the site's 1000-row banner: answers of 150 rows at most, the banner from 130.

const log = createLogger({}, { level: "silent" });
const REAL = {
  answerCap: 150,
  bannerThreshold: 130,
  firstByteDelay: { baseMs: 5, perRowMs: 0.5 },
  databaseTimeoutMs: null,
  oddCells: { share: 0.02 },
  transientNoMatch: { share: 1, times: 1 },
};

let sim: Simulator;
let original: Simulator["site"];
let testDb: TestDatabase;
let db: Database;

function scrape(extra: Partial<ScrapeOptionsInput> = {}, signal?: AbortSignal, onProgress?: (progress: ScrapeProgress) => void) {
  const options = resolveScrapeOptions({
    roll: "gv2022",
    baseUrl: sim.url,
    delayMs: 0,
    concurrency: 3,
    retries: 2,
    firstByteTimeoutMs: 20_000,
    emptyRecheckMs: 20,
    crossCheck: "always",
    outageFailures: 3,
    outageBackoffMs: 300,
    outageMaxBackoffMs: 600,
    outagePatienceMs: 60_000,
    ...extra,
  });
  return runScrape({ db, options, log, heartbeatMs: 200, signal, onProgress });
}

/** Field-by-field differences between the stored live rows and the simulator's truth. */
async function differencesFromTruth(): Promise<{ missing: string[]; extra: string[]; mismatches: string[] }> {
  const { rows } = await db.pool.query(`SELECT ${EXPECTED_COLUMNS.join(", ")} FROM valuations WHERE roll = 'gv2022' AND removed_at IS NULL`);
  const stored = new Map(rows.map((row) => [`${row.title_type}:${row.rate_number}`, row]));
  const expected = expectedRows(sim.site.rolls.gv2022, (p) => sim.expectedCells(p));
  const mismatches: string[] = [];
  for (const [key, want] of expected) {
    const got = stored.get(key);
    if (!got) continue;
    for (const column of EXPECTED_COLUMNS) {
      if (!isDeepStrictEqual(got[column], want[column])) mismatches.push(`${key} ${column}: stored ${JSON.stringify(got[column])}, expected ${JSON.stringify(want[column])}`);
    }
  }
  return {
    missing: [...expected.keys()].filter((key) => !stored.has(key)),
    extra: [...stored.keys()].filter((key) => !expected.has(key)),
    mismatches: mismatches.slice(0, 20),
  };
}

beforeAll(async () => {
  sim = await startSimulator({ rows: 3_000, seed: 5, profile: "real", real: REAL });
  original = sim.site;
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 6);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
  await sim.close();
});

afterEach(() => {
  sim.faults.clear();
  sim.behaviour = { ...sim.behaviour, ...REAL };
});

describe("a whole-roll scrape of the real-site profile", () => {
  it("stores every row, field by field as the simulator's truth (odd cells null), through an outage, proven by volumes and the cross-check", async () => {
    const sizes = new Map<string, number>();
    for (const p of sim.site.rolls.gv2022.properties()) sizes.set(`${p.titleType}:${p.suburbId}`, (sizes.get(`${p.titleType}:${p.suburbId}`) ?? 0) + 1);
    // The set-up is what the test claims: some suburbs are capped under the banner, some are not.
    expect([...sizes.values()].some((n) => n > REAL.answerCap)).toBe(true);
    expect([...sizes.values()].some((n) => n < REAL.bannerThreshold)).toBe(true);

    sim.clearRequests();
    // The database drops out early in the run, longer than the quick retries last.
    let outage = false;
    const summary = await scrape({}, undefined, (progress) => {
      if (!outage && progress.tasksTotal > 0) {
        outage = true;
        sim.startOutage(1_500);
      }
    });
    expect(summary).toMatchObject({ status: "succeeded", tasksFailed: 0, incomplete: null, rowsRemoved: 0, anomalies: [] });
    expect(summary.pausedMs).toBeGreaterThan(0);
    expect(await differencesFromTruth()).toEqual({ missing: [], extra: [], mismatches: [] });

    // Every populated suburb answered "No Match" first; each was read again.
    expect(sim.requests.some((request) => request.fault === "transient-no-match")).toBe(true);
    const tasks = await db.prisma.scrapeTask.findMany({ where: { runId: summary.runId } });
    for (const task of tasks) {
      const size = sizes.get(`${task.titleType}:${task.suburbId}`) ?? 0;
      expect({ suburb: task.suburbId, verifiedBy: task.verifiedBy }).toEqual({
        suburb: task.suburbId,
        verifiedBy: size === 0 ? "empty" : size >= REAL.bannerThreshold ? "volumes" : "small",
      });
    }

    // Rows past the cap came from the volume re-read, counted as recovered.
    const capped = [...sizes.values()].filter((n) => n > REAL.answerCap).reduce((sum, n) => sum + n - REAL.answerCap, 0);
    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.rowsRecovered).toBe(capped);
    expect(run).toMatchObject({ complete: true, rowsVerified: sim.site.rolls.gv2022.size, rowsSeen: sim.site.rolls.gv2022.size });
    expect(run.crossCheck).toMatchObject({ ran: true, agreed: true, unconfirmed: 0, unplaced: 0, unsplittable: [] });

    // Odd cells: every NaN or negative the site printed is counted, with examples as printed.
    const odd = [...sim.site.rolls.gv2022.properties()].filter((p) => {
      const cell = sim.expectedCells(p).oddCell;
      return cell !== null && cell.kind !== "zero";
    });
    expect(odd.length).toBeGreaterThan(5);
    expect(run.oddCells).toBe(odd.length);
    expect(run.oddCellExamples).toHaveLength(5);
    for (const example of run.oddCellExamples as { text: string }[]) expect(example.text).toMatch(/^(NaN|-[\d,.]+)$/);
  });

  it("follows each property profile link exactly as the results page gave it (PType/FType from the data)", async () => {
    sim.clearRequests();
    const summary = await scrape({ crossCheck: "never", details: true, detailsBudget: 15 });
    expect(summary.detailsFetched).toBe(15);
    const { rows } = await db.pool.query<{ pin: string; detail_href: string; detail: { owners: string[] } }>(
      "SELECT pin, detail_href, detail FROM valuations WHERE detail IS NOT NULL",
    );
    expect(rows).toHaveLength(15);
    const asked = sim.requests.filter((request) => /SearchDeatils/i.test(request.url)).map((request) => request.url);
    for (const row of rows) {
      const truth = sim.site.rolls.gv2022.byPin(row.pin)!;
      expect(row.detail.owners).toEqual(truth.owners);
      expect(row.detail_href).toBe(sim.expectedCells(truth).detailHref);
      expect(asked).toContain(`/${row.detail_href.replace("../", "")}`);
    }
    // The link is the data's, not one rebuilt from the title type.
    expect(rows.some((row) => !/PType=[12]&FType=[12]$/.test(row.detail_href))).toBe(true);
  });

  it("reads by volume a suburb whose answer the site's database gives up on (SQL timeout 500), and stores every row", async () => {
    const pieces = new Map<string, number>();
    const suburbs = new Map<string, number>();
    for (const p of sim.site.rolls.gv2022.properties()) {
      pieces.set(`${p.titleType}:${p.suburbId}:${p.volumeNo}`, (pieces.get(`${p.titleType}:${p.suburbId}:${p.volumeNo}`) ?? 0) + 1);
      suburbs.set(`${p.titleType}:${p.suburbId}`, (suburbs.get(`${p.titleType}:${p.suburbId}`) ?? 0) + 1);
    }
    const largestPiece = Math.max(...pieces.values());
    // Any answer of more rows than the largest suburb × volume piece takes longer than the database allows.
    const { baseMs, perRowMs } = REAL.firstByteDelay;
    sim.behaviour = { ...sim.behaviour, databaseTimeoutMs: baseMs + perRowMs * (largestPiece + 0.5), transientNoMatch: { share: 0, times: 0 } };
    const tooBig = [...suburbs.entries()].filter(([, n]) => n > largestPiece).map(([key]) => key);
    expect(tooBig.length).toBeGreaterThan(0);
    sim.clearRequests();
    const summary = await scrape({ crossCheck: "never" });
    expect(summary).toMatchObject({ status: "succeeded", tasksFailed: 0, incomplete: null });
    expect(sim.requests.filter((request) => request.status === 500).length).toBeGreaterThan(0);
    const tasks = await db.prisma.scrapeTask.findMany({ where: { runId: summary.runId } });
    for (const key of tooBig) {
      expect(tasks.find((task) => `${task.titleType}:${task.suburbId}` === key)?.verifiedBy).toBe("volumes");
    }
    expect(await differencesFromTruth()).toEqual({ missing: [], extra: [], mismatches: [] });
  });

  it("recovers through the cross-check rows the suburb pass could not see, each under its own suburb", async () => {
    // While the suburb pass runs, the server caps answers at 100 rows without a banner, which the
    // stated assumption rules out; the cross-check then reads the volumes uncapped.
    sim.behaviour = { ...sim.behaviour, answerCap: 100, bannerThreshold: 1_000 };
    await db.pool.query("TRUNCATE valuations, valuation_changes, scrape_tasks, scrape_runs RESTART IDENTITY CASCADE");
    const summary = await scrape({}, undefined, (progress) => {
      if (progress.tasksTotal > 0 && progress.tasksDone === progress.tasksTotal) sim.behaviour = { ...sim.behaviour, answerCap: null };
    });
    expect(summary).toMatchObject({ status: "succeeded", incomplete: null });
    expect(summary.crossCheck).toMatchObject({ ran: true, agreed: true, unplaced: 0, unconfirmed: 0 });
    expect(summary.crossCheck!.rowsRecovered).toBeGreaterThan(100);
    expect(summary.rowsRecovered).toBe(summary.crossCheck!.rowsRecovered);
    expect(await differencesFromTruth()).toEqual({ missing: [], extra: [], mismatches: [] });
  });

  it("looks up by rate number the rows a volume answer lacked before believing it", async () => {
    // Volume 07 of the whole roll answers "No Match" during the cross-check (the suburb pass never asks for it).
    sim.faults.add({ path: /Roll=1&VolumeNo=07&RateNumber=&StreetNo=&StreetName=&Suburb=&/, kind: "empty" });
    const inVolume = [...sim.site.rolls.gv2022.properties()].filter((p) => p.titleType === "full" && p.volumeNo === "07").length;
    expect(inVolume).toBeGreaterThan(0);
    const summary = await scrape();
    expect(summary).toMatchObject({ status: "succeeded", incomplete: null, rowsRemoved: 0 });
    expect(summary.crossCheck).toMatchObject({ agreed: true, confirmedByRateNumber: inVolume, unconfirmed: 0 });
  });
});

describe("a volume the site cannot answer whole", () => {
  it("is read in pieces where the passes differ, and the passes still agree", async () => {
    sim.faults.add({ path: /Roll=1&VolumeNo=05&RateNumber=&StreetNo=&StreetName=&Suburb=&/, kind: "500" });
    const summary = await scrape({ retries: 0 });
    expect(summary).toMatchObject({ status: "succeeded", incomplete: null, tasksFailed: 0 });
    // Its rows were found in its volume × suburb pieces, not one by one.
    expect(summary.crossCheck).toMatchObject({ agreed: true, unconfirmed: 0, confirmedByRateNumber: 0 });
  });
});

describe("removals: only after a complete run, each confirmed by its rate number", () => {
  const removedCount = async () => (await db.pool.query("SELECT count(*)::int AS n FROM valuations WHERE removed_at IS NOT NULL")).rows[0].n as number;
  /** Rows of the first generation the site no longer lists: what a run that applied removals would mark. */
  const droppedBySite = () => [...original.rolls.gv2022.properties()].filter((p) => !sim.site.rolls.gv2022.byPin(p.pin)).length;

  it("does not mark removed the rows only a (silently capped) suburb answer lacked: the site lists them by rate number", async () => {
    sim.behaviour = { ...sim.behaviour, answerCap: 100, bannerThreshold: 1_000 };
    const summary = await scrape({ crossCheck: "never", titleTypes: ["sectional"] });
    expect(summary).toMatchObject({ status: "succeeded", incomplete: null, rowsRemoved: 0 });
    expect(summary.rowsRecovered).toBeGreaterThan(0);
    expect(await removedCount()).toBe(0);
    expect(await differencesFromTruth()).toEqual({ missing: [], extra: [], mismatches: [] });
  });

  it("marks nothing removed when a bannered piece cannot be split further (the run is incomplete)", async () => {
    sim.setGeneration(1);
    expect(droppedBySite()).toBeGreaterThan(0);
    // A threshold so low that suburb × volume pieces carry the banner too.
    sim.behaviour = { ...sim.behaviour, bannerThreshold: 20 };
    const summary = await scrape({ crossCheck: "never" });
    expect(summary.status).toBe("succeeded");
    expect(summary.incomplete).toMatch(/still carry the site's banner after the split by volume.*nothing was marked removed/);
    expect(summary.rowsRemoved).toBe(0);
    expect(await removedCount()).toBe(0);
    const run = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.complete).toBe(false);
    expect(run.warnings).toEqual([expect.objectContaining({ message: summary.incomplete })]);
  });

  it("marks nothing removed when the run is cancelled", async () => {
    expect(droppedBySite()).toBeGreaterThan(0);
    const stop = new AbortController();
    const summary = await scrape({ crossCheck: "never" }, stop.signal, (progress) => {
      if (progress.tasksDone >= 1) stop.abort(new Error("test stop"));
    });
    expect(summary.status).toBe("cancelled");
    expect(summary.rowsRemoved).toBe(0);
    expect(await removedCount()).toBe(0);
  });

  it("marks nothing removed when a task fails (the table changed shape)", async () => {
    expect(droppedBySite()).toBeGreaterThan(0);
    sim.faults.add({ path: /SearchResult/i, kind: "layout", times: 1 });
    const summary = await scrape({ crossCheck: "never" });
    expect(summary).toMatchObject({ status: "failed", tasksFailed: 1, rowsRemoved: 0 });
    expect(summary.error).toMatch(/nothing was marked removed/);
    expect(await removedCount()).toBe(0);
  });

  it("marks removed, after a complete run, exactly the rows the site dropped", async () => {
    const dropped = droppedBySite();
    const summary = await scrape({ crossCheck: "never" });
    expect(summary).toMatchObject({ status: "succeeded", incomplete: null, rowsRemoved: dropped });
    expect(await removedCount()).toBe(dropped);
    expect(await differencesFromTruth()).toEqual({ missing: [], extra: [], mismatches: [] });
  });
});
