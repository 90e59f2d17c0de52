import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/alerts/testing/webhook-receiver";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { startSimulator, type Simulator } from "@/lib/simulator/server";

// `npm run cron` as the container runs it (node --import tsx scripts/cron.ts), stopped with a real
// SIGTERM in the middle of a run, then started again.

let sim: Simulator;
let receiver: WebhookReceiver;
let testDb: TestDatabase;
let db: Database;

type Cron = { child: ChildProcessWithoutNullStreams; lines: Record<string, unknown>[]; exit: Promise<number | null> };

function startCron(): Cron {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cron.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      VALUATION_BASE_URL: sim.url,
      SCRAPE_DELAY_MS: "0",
      SCRAPE_CONCURRENCY: "1",
      SCRAPE_SCHEDULE: "0 2 * * *",
      ALERT_WEBHOOK_URL: receiver.url,
      PORT: "0",
      LOG_LEVEL: "info",
    },
  });
  const lines: Record<string, unknown>[] = [];
  let buffer = "";
  child.stderr.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split("\n");
    buffer = complete.pop() ?? "";
    for (const line of complete) if (line.startsWith("{")) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stdout.resume();
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, lines, exit };
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  sim = await startSimulator({ rows: 1_000, seed: 9 });
  receiver = await startWebhookReceiver();
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
  await receiver.close();
  await sim.close();
});

describe("npm run cron", () => {
  it("scrapes at once on stale data, serves its health, and on SIGTERM leaves a run the next start resumes", async () => {
    sim.faults.latencyMs = 150;
    const first = startCron();
    const started = await until(() => first.lines.find((line) => line.msg === "scheduler started"), "the scheduler to start");
    // The registry's active rolls: the seeded GV2022 (GV2026 is seeded planned).
    expect(started).toMatchObject({ schedule: "0 2 * * *", timeZone: "Africa/Johannesburg", rolls: ["gv2022"], component: "cron" });

    const run = await until(async () => (await db.prisma.scrapeRun.findFirst({ where: { tasksDone: { gte: 2 } } })) ?? undefined, "two tasks done");
    const health = await fetch(`http://127.0.0.1:${started.port as number}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", role: "cron", running: true, currentRunId: run.id, schedule: "0 2 * * *" });

    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);
    const stopped = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stopped).toMatchObject({ status: "cancelled", trigger: "cron", error: `cancelled by a stop signal; resume with --resume ${run.id}` });
    expect(stopped.tasksDone).toBeLessThan(stopped.tasksTotal);
    const pending = await db.prisma.scrapeTask.count({ where: { runId: run.id, status: { in: ["pending", "running"] } } });
    expect(pending).toBe(stopped.tasksTotal - stopped.tasksDone);
    expect(first.lines.map((line) => line.msg)).toContain("stopped");

    sim.faults.latencyMs = 0;
    const second = startCron();
    const resumed = await until(() => second.lines.find((line) => line.msg === "resuming an interrupted run"), "the run to be resumed");
    expect(resumed).toMatchObject({ runId: run.id, reason: "start-up" });
    const finished = await until(
      async () => {
        const row = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.id } });
        return row.status === "running" ? undefined : row;
      },
      "the resumed run to finish",
    );
    expect(finished).toMatchObject({ status: "succeeded", complete: true, tasksDone: stopped.tasksTotal, rowsSeen: 1_000 });
    expect(await db.prisma.scrapeRun.count()).toBe(1);
    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);
    // Stale data at start-up is scraped, not alerted; a SIGTERM is no failure.
    expect(receiver.requests).toBe(0);
  });

  it("is the worker: beats its heartbeat, runs a run queued from the admin area, and says so in its health", async () => {
    const { enqueueRun } = await import("@/lib/admin/run-queue");
    const { workerStatus } = await import("@/lib/admin/worker-heartbeat");
    const { resolveScrapeOptions } = await import("@/lib/scraper/scrape-options");
    expect((await workerStatus(db.pool, 15_000)).running).toBe(false);
    const queued = await enqueueRun(db, resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, titleTypes: ["sectional"], trigger: "admin", triggeredBy: "admin session test" }));
    if (queued.kind !== "queued") throw new Error(queued.message);

    const cron = startCron();
    const started = await until(() => cron.lines.find((line) => line.msg === "scheduler started"), "the scheduler to start");
    const finished = await until(async () => {
      const row = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: queued.run.id } });
      return row.status === "succeeded" ? row : undefined;
    }, "the worker to run the queued run");
    expect(finished).toMatchObject({ trigger: "admin", triggeredBy: "admin session test", claimedBy: started.workerId, complete: true });
    expect(cron.lines.find((line) => line.msg === "queued run started")).toMatchObject({ runId: queued.run.id, component: "worker" });
    expect(await workerStatus(db.pool, 15_000)).toMatchObject({ running: true, workers: 1 });
    const health = (await (await fetch(`http://127.0.0.1:${started.port as number}/api/health`)).json()) as { worker: { workerId: string } };
    expect(health.worker.workerId).toBe(started.workerId);

    cron.child.kill("SIGTERM");
    expect(await cron.exit).toBe(0);
    // A worker that stops cleanly says so at once.
    expect((await workerStatus(db.pool, 15_000)).running).toBe(false);
  });

  it("refuses to start without DATABASE_URL, naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cron.ts"], { env: { ...process.env, DATABASE_URL: "" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("the cron role needs DATABASE_URL");
  });

  it("refuses a schedule croner cannot read, naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cron.ts"], { env: { ...process.env, DATABASE_URL: testDb.url, SCRAPE_SCHEDULE: "61 2 * * *" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('SCRAPE_SCHEDULE="61 2 * * *"');
  });
});
