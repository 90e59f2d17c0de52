import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAlerter } from "@/lib/alerts/send-alert";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/alerts/testing/webhook-receiver";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { tryLockRoll } from "@/lib/scraper/store/run-lock";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { startScheduler, type Scheduler, type SchedulerEvent, type SchedulerOptions } from "./scheduler";

// The scheduler against the simulated site over real HTTP, a real PostgreSQL and a real webhook.

const log = createLogger({}, { level: "silent" });
let sim: Simulator;
let receiver: WebhookReceiver;
let testDb: TestDatabase;
let db: Database;
let scheduler: Scheduler | undefined;
let events: SchedulerEvent[];

function start(overrides: Partial<SchedulerOptions> = {}): Scheduler {
  scheduler = startScheduler({
    db,
    schedule: "0 2 * * *",
    timeZone: "Africa/Johannesburg",
    plan: async () => [resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: 2, retries: 0, timeoutMs: 5_000, trigger: "cron" })],
    freshnessHours: 36,
    alerter: createAlerter({ webhookUrl: receiver.url, log, retryDelayMs: 1 }),
    log,
    catchUp: false,
    heartbeatMs: 200,
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  return scheduler;
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  sim = await startSimulator({ rows: 1_000, seed: 5 });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
  await sim.close();
});

beforeEach(async () => {
  events = [];
  receiver.received.length = 0;
  sim.faults.clear();
  sim.faults.latencyMs = 0;
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 4);
});

afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await closeDatabase(db);
  await testDb.drop();
});

describe("the schedule", () => {
  it("triggers a run, and skips the ticks that come while it runs instead of overlapping", async () => {
    sim.faults.latencyMs = 100;
    start({ schedule: "* * * * * *" });
    await until(() => events.some((e) => e.type === "run-finished"), "the first scheduled run to finish");
    await scheduler!.stop();

    const started = events.filter((e) => e.type === "run-started");
    expect(started[0]).toMatchObject({ reason: "schedule", resumed: false });
    const finished = events.find((e) => e.type === "run-finished");
    expect(finished?.type === "run-finished" && finished.summary.status).toBe("succeeded");
    const skipped = events.filter((e) => e.type === "skipped");
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]).toMatchObject({ reason: expect.stringMatching(/^a scheduled run is still in progress( \(run #\d+\))?$/) });

    const runs = await db.prisma.scrapeRun.findMany({ orderBy: { id: "asc" } });
    expect(runs[0]).toMatchObject({ trigger: "cron", status: "succeeded", wholeRoll: true });
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1]!.finishedAt!.getTime());
    }
  });

  it("skips a tick while another process holds the roll, and alerts nothing", async () => {
    const lock = await tryLockRoll(db.pool, "gv2022");
    try {
      const outcome = await start().runNow();
      // RunInProgressError's own message, passed on.
      expect(outcome).toEqual({ kind: "skipped", reason: expect.stringMatching(/^another scrape of gv2022 /) });
    } finally {
      await lock!.release();
    }
    expect(await db.prisma.scrapeRun.count()).toBe(0);
    expect(receiver.received).toEqual([]);
  });

  it("says when the next run is due, in the schedule's time zone", () => {
    const next = new Date(start().status().nextRunAt!);
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Johannesburg", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(next);
    expect(local).toBe("02:00");
    expect(next.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("failures, resumption and alerts", () => {
  it("alerts a failed run, resumes it on the next tick, and alerts an anomaly", async () => {
    const [broken, emptied] = sim.site.suburbs;
    start();

    sim.faults.add({ path: new RegExp(`Suburb=${broken!.id}&`), kind: "500" });
    const failed = await scheduler!.runNow();
    expect(failed.kind === "finished" && failed.summary.status).toBe("failed");
    const failedRunId = failed.kind === "finished" ? failed.summary.runId : 0;
    const [failedAlert] = await receiver.waitFor(1);
    expect(failedAlert!.text).toBe(`*Scrape run #${failedRunId} of gv2022 failed*`);
    expect(failedAlert!.attachments[0]!.fields).toContainEqual(
      expect.objectContaining({ title: "Failures", value: expect.stringContaining(`${broken!.name} (full): `) }),
    );

    sim.faults.clear();
    const resumed = await scheduler!.runNow();
    expect(resumed.kind === "finished" && resumed.summary).toMatchObject({ runId: failedRunId, status: "succeeded" });
    expect(events.filter((e) => e.type === "run-started")).toEqual([
      { type: "run-started", runId: failedRunId, resumed: false, reason: "manual" },
      { type: "run-started", runId: failedRunId, resumed: true, reason: "manual" },
    ]);

    // Empty on the second look and by volume too (a single "No Match" is read again and is no anomaly).
    sim.faults.add({ path: new RegExp(`Roll=1&.*Suburb=${emptied!.id}&`), kind: "empty" });
    const anomalous = await scheduler!.runNow();
    sim.faults.clear();
    expect(anomalous.kind === "finished" && anomalous.summary).toMatchObject({ status: "succeeded", runId: failedRunId + 1 });
    const alerts = await receiver.waitFor(2);
    expect(alerts[1]!.text).toBe(`*Scrape run #${failedRunId + 1} of gv2022: 1 suburb came back empty*`);
    expect(alerts[1]!.attachments[0]!.fields).toContainEqual(expect.objectContaining({ title: "Suburbs", value: expect.stringContaining(emptied!.name) }));
    expect(receiver.received).toHaveLength(2);
  });

  it("alerts stale data once per stale spell", async () => {
    let now = new Date();
    start({ now: () => now });
    const fresh = await scheduler!.checkFreshness();
    expect(fresh).toMatchObject({ fresh: false, lastSuccessAt: null });
    await scheduler!.checkFreshness();
    const alerts = await receiver.waitFor(1);
    expect(alerts[0]!.text).toBe("*No complete scrape of gv2022 has succeeded yet*");

    const run = await scheduler!.runNow();
    expect(run.kind === "finished" && run.summary.status).toBe("succeeded");
    expect(await scheduler!.checkFreshness()).toMatchObject({ fresh: true });

    now = new Date(Date.now() + 40 * 3_600_000);
    expect(await scheduler!.checkFreshness()).toMatchObject({ fresh: false, ageHours: expect.any(Number) });
    await scheduler!.checkFreshness();
    await receiver.waitFor(2);
    expect(receiver.received[1]!.text).toMatch(/^\*The gv2022 data is (39|40) hours old \(limit 36\)\*$/);
    expect(receiver.received).toHaveLength(2);
  });

  it("stop() cancels the run at a task boundary; the next start resumes it before anything else", async () => {
    sim.faults.latencyMs = 100;
    start({ catchUp: true });
    await until(() => events.some((e) => e.type === "run-started"), "the catch-up run to start");
    const started = events.find((e) => e.type === "run-started");
    expect(started).toMatchObject({ reason: "start-up", resumed: false });
    const runId = started?.type === "run-started" ? started.runId : 0;
    let done = 0;
    while (done < 2) {
      done = (await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } })).tasksDone;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await scheduler!.stop();
    const stopped = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(stopped.status).toBe("cancelled");
    expect(stopped.error).toBe(`cancelled by a stop signal; resume with --resume ${runId}`);
    expect(stopped.tasksDone).toBeLessThan(stopped.tasksTotal);
    expect(receiver.received).toEqual([]);

    sim.faults.latencyMs = 0;
    events = [];
    start({ catchUp: true });
    await until(() => events.some((e) => e.type === "run-finished"), "the resumed run to finish");
    expect(events.find((e) => e.type === "run-started")).toEqual({ type: "run-started", runId, resumed: true, reason: "start-up" });
    const finished = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(finished).toMatchObject({ status: "succeeded", complete: true, tasksDone: stopped.tasksTotal });
    expect(await db.prisma.scrapeRun.count()).toBe(1);
  });
});
