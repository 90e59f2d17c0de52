import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { cancelQueuedRun, claimQueuedRun, enqueueRun, releaseClaim, requeueRun } from "./run-queue";

// The queue on a real PostgreSQL: one queued-or-running run per roll however many clicks arrive at
// once, and each queued run claimed by exactly one worker.

let testDb: TestDatabase;
let web: Database;
let workerA: Database;
let workerB: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  web = createDatabase(testDb.url, 6);
  workerA = createDatabase(testDb.url, 2);
  workerB = createDatabase(testDb.url, 2);
});
afterAll(async () => {
  for (const db of [web, workerA, workerB]) if (db) await closeDatabase(db);
  await testDb?.drop();
});

const options = (roll: "gv2022" | "gv2017") => resolveScrapeOptions({ roll, baseUrl: "http://127.0.0.1:1/", trigger: "admin", triggeredBy: "admin session test" });

describe("the run queue", () => {
  it("queues one run per roll, however many starts arrive at once", async () => {
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => enqueueRun(web, options("gv2022"))));
    const queued = outcomes.filter((outcome) => outcome.kind === "queued");
    expect(queued).toHaveLength(1);
    const busy = outcomes.filter((outcome) => outcome.kind === "busy");
    expect(busy).toHaveLength(5);
    for (const outcome of busy) expect(outcome.kind === "busy" && outcome.message).toContain(`run #${queued[0]!.run.id}`);
    expect(await web.prisma.scrapeRun.count({ where: { status: "queued" } })).toBe(1);
    // Another roll queues independently.
    expect((await enqueueRun(web, options("gv2017"))).kind).toBe("queued");
  });

  it("gives each queued run to one worker, oldest first, and none twice", async () => {
    const claims = await Promise.all([claimQueuedRun(workerA, "worker-a"), claimQueuedRun(workerB, "worker-b")]);
    expect(claims.every((claim) => claim !== null)).toBe(true);
    expect(new Set(claims.map((claim) => claim!.id)).size).toBe(2);
    expect(claims.map((claim) => claim!.roll).sort()).toEqual(["gv2017", "gv2022"]);
    expect(await claimQueuedRun(workerA, "worker-a")).toBeNull();

    // A worker whose roll is busy gives its claim back; the next poll may take it.
    const mine = claims[0]!;
    await releaseClaim(workerA, mine.id, "worker-a");
    expect(await claimQueuedRun(workerB, "worker-b")).toMatchObject({ id: mine.id });
  });

  it("takes over a claim a worker left behind for more than a minute", async () => {
    await web.pool.query(`UPDATE scrape_runs SET claimed_at = now() - interval '61 seconds' WHERE status = 'queued' AND roll = 'gv2017'`);
    const taken = await claimQueuedRun(workerA, "worker-a");
    expect(taken).toMatchObject({ roll: "gv2017" });
  });

  it("cancels a queued run at once, and puts it back in the queue on resume", async () => {
    const queued = await web.prisma.scrapeRun.findFirstOrThrow({ where: { status: "queued", roll: "gv2017" } });
    const cancelled = await cancelQueuedRun(web, queued.id);
    expect(cancelled).toMatchObject({ status: "cancelled", claimedBy: null, error: "cancelled by an admin before it started" });
    expect(await cancelQueuedRun(web, queued.id)).toBeNull();
    const requeued = await requeueRun(web, cancelled!);
    expect(requeued.kind).toBe("queued");
    expect(requeued.kind === "queued" && requeued.run).toMatchObject({ status: "queued", claimedAt: null, finishedAt: null, error: null });
  });
});
