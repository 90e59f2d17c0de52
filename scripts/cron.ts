// npm run cron: the cron role, which is also the worker. Scrapes the registry's active rolls on SCRAPE_SCHEDULE (in
// SCRAPE_SCHEDULE_TIMEZONE) with the engine of `npm run scrape`, resumes an interrupted run first,
// runs the runs queued from the admin area (polling every WORKER_POLL_SECONDS, with a heartbeat the
// admin page reads), alerts to ALERT_WEBHOOK_URL, and serves GET /api/health on PORT. SIGTERM: the
// runs in progress stop at a task boundary and stay resumable (a queued run goes back in the queue),
// and the process exits 0.
// At start-up and after each scheduled run it applies the owner-name retention to the change
// history (OWNER_NAMES, OWNER_HISTORY_DAYS).
import { exitUnlessRun } from "./cli/parse-help-only";

const CRON_USAGE = `Usage: npm run cron

The cron role, which is also the worker: scrapes every active roll of the registry on SCRAPE_SCHEDULE, resumes an
interrupted run first, runs the scrapes queued from /admin, and serves GET /api/health on PORT.
It takes no flags: the environment variables configure it (README, "Environment variables").

Exit codes: 0 stopped by SIGTERM or SIGINT · 2 bad flags or environment.`;

exitUnlessRun(process.argv.slice(2), CRON_USAGE);

// Imported only now: lib/config checks the environment as it loads, and --help must answer even
// when the environment is wrong (the role then says what is wrong, exit 2).
const { runCronRole } = await import("./cron-role");
await runCronRole();
