// npm run demo: everything on one machine with nothing but Node. Starts the database (embedded
// unless DATABASE_URL is set), the site simulator, scrapes both simulated rolls into the database
// with a progress bar, builds the app if needed and serves it on http://localhost:3000, and runs the
// worker (in this process) that runs the scrapes started from /admin.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createOneTimeAdminCredentials } from "@/lib/auth/one-time-password";
import { config } from "@/lib/config";
import { scrapeOptionsForRoll } from "@/lib/rolls/roll-scrape-options";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { createLogger } from "@/lib/log";
import { startQueueWorker } from "@/lib/scheduler/queue-worker";
import { formatProgressLine, formatSummary } from "./cli/format-progress";
import { runScrape } from "@/lib/scraper/run-scrape";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { startSimulator } from "@/lib/simulator/server";
import { prepareDatabase } from "./prepare-database";

const USAGE = `Usage: npm run demo -- [--rows 20000] [--seed 7] [--port 3000] [--simulator-port 4010]`;
let flags;
try {
  ({ values: flags } = parseArgs({
    options: {
      rows: { type: "string", default: "20000" },
      seed: { type: "string", default: "7" },
      port: { type: "string", default: "3000" },
      "simulator-port": { type: "string", default: "4010" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`error: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const numbers = { rows: Number(flags.rows), seed: Number(flags.seed), port: Number(flags.port), simulatorPort: Number(flags["simulator-port"]) };
for (const [name, value] of Object.entries(numbers)) {
  if (!Number.isInteger(value) || value < 0) {
    console.error(`error: --${name} takes a whole number\n${USAGE}`);
    process.exit(2);
  }
}

const database = await prepareDatabase();
const sim = await startSimulator({ rows: numbers.rows, seed: numbers.seed, port: numbers.simulatorPort });
console.log(`Site simulator (${numbers.rows} properties) on ${sim.url}`);

const db = createDatabase(database.url, 4);
const log = createLogger({ component: "demo" }, { level: "warn" });
for (const roll of ["gv2017", "gv2022"] as const) {
  // The simulator's "No Match" is never transient here: no need to wait 30 s before reading it again.
  const options = resolveScrapeOptions({ roll, baseUrl: sim.rollUrl(roll), delayMs: 0, concurrency: 4, trigger: "demo", emptyRecheckMs: 200 });
  console.log(`Scraping ${roll} from the simulator…`);
  const summary = await runScrape({
    db,
    options,
    log,
    onProgress: (progress) => process.stdout.isTTY && process.stdout.write(`\r\x1b[2K${formatProgressLine(progress, Date.now())}`),
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.log(formatSummary(summary, Date.now()));
}
await closeDatabase(db);

if (!existsSync(".next/BUILD_ID")) {
  console.log("Building the app (once)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) {
    await sim.close();
    await database.stop();
    process.exit(build.status ?? 1);
  }
}

// Unless an admin password is configured, this run gets a one-time one (only its hash reaches the server).
const admin = config.ADMIN_PASSWORD ? null : await createOneTimeAdminCredentials();
// `next start` is production, which refuses the built-in cursor key: this run gets a key of its own.
const cursorSecret = process.env.CURSOR_SECRET ? {} : { CURSOR_SECRET: randomBytes(24).toString("base64url") };
const server = spawn("npx", ["next", "start", "-p", String(numbers.port)], {
  stdio: "inherit",
  env: { ...process.env, ...admin?.env, ...cursorSecret, DATABASE_URL: database.url, VALUATION_BASE_URL: sim.url, NEXT_TELEMETRY_DISABLED: "1" },
});
// The web server only queues admin runs; this is the worker that runs them (as the cron role does).
const workerDb = createDatabase(database.url, 4);
const worker = startQueueWorker({
  db: workerDb,
  pollMs: config.WORKER_POLL_SECONDS * 1000,
  politeness: (roll) => scrapeOptionsForRoll(workerDb, { roll, trigger: "admin" }),
  log: createLogger({ component: "worker" }, { level: "warn" }),
});
console.log(`\nThe app: http://localhost:${numbers.port}/   API: http://localhost:${numbers.port}/api/valuations   Ctrl-C stops everything.`);
if (admin) console.log(`Admin: http://localhost:${numbers.port}/admin   one-time password for this run: ${admin.password}`);
const shutdown = async (code: number) => {
  await worker.stop();
  await closeDatabase(workerDb);
  await sim.close();
  await database.stop();
  process.exit(code);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.kill(signal));
server.on("exit", (code) => void shutdown(code ?? 0));
