// npm run cron: the cron role, which is also the worker. Scrapes the registry's active rolls on SCRAPE_SCHEDULE (in
// SCRAPE_SCHEDULE_TIMEZONE) with the engine of `npm run scrape`, resumes an interrupted run first,
// runs the runs queued from the admin area (polling every WORKER_POLL_SECONDS, with a heartbeat the
// admin page reads), alerts to ALERT_WEBHOOK_URL, and serves GET /api/health on PORT. SIGTERM: the
// runs in progress stop at a task boundary and stay resumable (a queued run goes back in the queue),
// and the process exits 0.
// At start-up and after each scheduled run it applies the owner-name retention to the change
// history (OWNER_NAMES, OWNER_HISTORY_DAYS).
import { hostname } from "node:os";
import { createAlerter } from "@/lib/alerts/send-alert";
import { config } from "@/lib/config";
import { activeRollsPlan, scrapeOptionsForRoll } from "@/lib/rolls/roll-scrape-options";
import { DatabaseNotConfiguredError, closeDatabase, workerDatabase } from "@/lib/db/client";
import { createLogger } from "@/lib/log";
import { purgeOwnerHistory } from "@/lib/owners/purge-owner-history";
import { startHealthServer } from "@/lib/scheduler/health-server";
import { startQueueWorker } from "@/lib/scheduler/queue-worker";
import { startScheduler } from "@/lib/scheduler/scheduler";
import { exitUnlessRun } from "./cli/parse-help-only";

const CRON_USAGE = `Usage: npm run cron

The cron role, which is also the worker: scrapes every active roll of the registry on SCRAPE_SCHEDULE, resumes an
interrupted run first, runs the scrapes queued from /admin, and serves GET /api/health on PORT.
It takes no flags: the environment variables configure it (README, "Environment variables").

Exit codes: 0 stopped by SIGTERM or SIGINT · 2 bad flags or environment.`;

exitUnlessRun(process.argv.slice(2), CRON_USAGE);

const log = createLogger({ component: "cron" });

let db;
try {
  db = workerDatabase();
} catch (error) {
  if (!(error instanceof DatabaseNotConfiguredError)) throw error;
  console.error("error: the cron role needs DATABASE_URL (locally, `npm run cron` starts the embedded database for you)");
  process.exit(2);
}

const retention = { ownerNames: config.OWNER_NAMES, ownerHistoryDays: config.OWNER_HISTORY_DAYS };
async function applyOwnerRetention(): Promise<void> {
  try {
    const purged = await purgeOwnerHistory(db!.pool, retention);
    if (purged > 0) log.info("owner names past retention removed from the history", { records: purged, ...retention });
  } catch (error) {
    log.error("could not apply the owner-name retention", { error: (error as Error).message });
  }
}
void applyOwnerRetention();

let scheduler;
try {
  scheduler = startScheduler({
    db,
    schedule: config.SCRAPE_SCHEDULE,
    timeZone: config.SCRAPE_SCHEDULE_TIMEZONE,
    plan: () => activeRollsPlan(db, { trigger: "cron", triggeredBy: `scheduler on ${hostname()}` }),
    freshnessHours: config.FRESHNESS_HOURS,
    alerter: createAlerter({ webhookUrl: config.ALERT_WEBHOOK_URL, log, source: `cron on ${hostname()}` }),
    log,
    onEvent: (event) => {
      if (event.type === "run-finished") void applyOwnerRetention();
    },
  });
} catch (error) {
  // croner rejects a pattern the config's shape check let through, e.g. minute 61.
  console.error(`error: SCRAPE_SCHEDULE=${JSON.stringify(config.SCRAPE_SCHEDULE)}: ${(error as Error).message}`);
  await closeDatabase(db);
  process.exit(2);
}

const worker = startQueueWorker({
  db,
  pollMs: config.WORKER_POLL_SECONDS * 1000,
  politeness: (roll) => scrapeOptionsForRoll(db, { roll, trigger: "admin" }),
  log: log.child({ component: "worker" }),
});
const status = () => ({ ...scheduler.status(), worker: worker.status() });

// Locally `npm start` may already hold PORT: the scheduler matters more than its health endpoint.
const health = await startHealthServer({ port: config.PORT, status }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== "EADDRINUSE") throw error;
  log.warn(`port ${config.PORT} is in use: running without the /api/health endpoint (set PORT to serve it)`);
  return null;
});
const { nextRunAt, schedule, timeZone } = scheduler.status();
// The rolls the next tick would scrape (the plan is read again at each tick).
const rolls = await activeRollsPlan(db, { trigger: "cron" }).then(
  (plan) => plan.map((scrape) => scrape.roll),
  (error: Error) => {
    log.error("could not read the roll registry", { error: error.message });
    return [];
  },
);
log.info("scheduler started", { schedule, timeZone, rolls, nextRunAt, port: health?.port ?? null, workerId: worker.id });

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) {
      log.warn(`${signal} again: exiting now; the run is resumable all the same`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: stopping after the tasks in flight; the run stays resumable`);
    void (async () => {
      await Promise.all([scheduler.stop(), worker.stop()]);
      await health?.close();
      await closeDatabase(db);
      log.info("stopped");
      process.exit(0);
    })();
  });
}
