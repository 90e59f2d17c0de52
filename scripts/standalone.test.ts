import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { runScrape } from "@/lib/scraper/run-scrape";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { assembleWeb, ensureBuild, freePort, until } from "./testing/standalone-server";

// What the image's web role runs, outside Docker: the standalone output laid out as the Dockerfile
// lays it out (deploy-files.test.ts checks that it does), started with `node server.js` against a
// migrated database. Needs `next build`; when the build is missing or older than the code, this
// test runs it (scripts/test.sh builds first, so in CI it is fresh).

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

let web: { dir: string; remove: () => void };
let sim: Simulator;
let testDb: TestDatabase;
let db: Database;
let server: ChildProcess;
let exited: Promise<number | null>;
let output = "";
let base: string;

beforeAll(async () => {
  ensureBuild();
  web = assembleWeb();
  sim = await startSimulator({ rows: 400, seed: 13 });
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 3);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(web.dir, "server.js")], {
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: testDb.url,
      CURSOR_SECRET: "standalone-test-cursor-secret",
      LOG_LEVEL: "info",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
  await until(async () => {
    if (server.exitCode !== null) throw new Error(`server.js exited with ${server.exitCode}:\n${output}`);
    return fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  }, "server.js to answer");
}, 900_000);

afterAll(async () => {
  if (server?.exitCode === null) {
    server.kill("SIGKILL");
    await exited;
  }
  if (db) await closeDatabase(db);
  await testDb?.drop();
  await sim?.close();
  web?.remove();
});

describe("node server.js, as the image runs it", () => {
  it("answers /api/health without the database", async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is not ready before the first scrape, and says the migrations it ships are applied", async () => {
    const response = await fetch(`${base}/api/ready`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; checks: { database: unknown; migrations: { ok: boolean; applied: number; pending: string[] }; freshness: { ok: boolean } } };
    expect(body.status).toBe("not_ready");
    expect(body.checks.database).toEqual({ ok: true });
    // Proves prisma/migrations was traced into the standalone output (outputFileTracingIncludes).
    expect(body.checks.migrations).toMatchObject({ ok: true, pending: [] });
    expect(body.checks.migrations.applied).toBeGreaterThan(0);
    expect(body.checks.freshness).toMatchObject({ ok: false, lastSuccessAt: null });
  });

  it("is ready after a successful scrape, and serves the API from it", async () => {
    const options = resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: 4, trigger: "cron" });
    const summary = await runScrape({ db, options, log: createLogger({}, { level: "silent" }) });
    expect(summary.status).toBe("succeeded");

    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { freshness: { ok: true, roll: "gv2022" } } });

    const list = await fetch(`${base}/api/valuations?limit=2`);
    expect(list.status).toBe(200);
    const page = (await list.json()) as { data: { rateNumber: string }[] };
    expect(page.data).toHaveLength(2);
  });

  it("serves the static files the Dockerfile copies beside it", async () => {
    const chunks = path.join(web.dir, ".next", "static", "chunks");
    const chunk = readdirSync(chunks).find((name) => name.endsWith(".js"));
    expect(chunk).toBeDefined();
    expect((await fetch(`${base}/_next/static/chunks/${chunk}`)).status).toBe(200);
    const publicFile = readdirSync(path.join(web.dir, "public")).find((name) => statSync(path.join(web.dir, "public", name)).isFile());
    expect(publicFile).toBeDefined();
    expect((await fetch(`${base}/${publicFile}`)).status).toBe(200);
  });

  it("on SIGTERM stops taking connections but finishes the request in flight", async () => {
    const locker = await db.pool.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE scrape_runs IN ACCESS EXCLUSIVE MODE");
    let released = false;
    try {
      const inFlight = fetch(`${base}/api/ready`);
      await until(async () => {
        const { rows } = await db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0]!.n > 0;
      }, "the readiness query to wait on the lock");
      server.kill("SIGTERM");
      const port = Number(new URL(base).port);
      await until(async () => !(await accepts(port)), "server.js to stop accepting connections");
      await locker.query("ROLLBACK");
      released = true;
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ready" });
      expect(await exited).toBe(143);
    } finally {
      if (!released) await locker.query("ROLLBACK");
      locker.release();
    }
  });
});
