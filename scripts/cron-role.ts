// The cron role itself, as scripts/cron.ts describes it; that script answers --help and bad flags
// before this module (and lib/config, which checks the environment as it loads) is imported.
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

export async function runCronRole(): Promise<void> {
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
}
