// npm run scrape -- [options]: the scraper's command line (also what the cron container runs).
// `npm run scrape -- --help` lists the options.
import { ConfigError, config } from "@/lib/config";
import { closeDatabase, workerDatabase } from "@/lib/db/client";
import { createLogger } from "@/lib/log";
import { UnknownDefaultRollError } from "@/lib/rolls/choose-default-roll";
import { readRollRegistry, todayInDurban } from "@/lib/rolls/roll-registry";
import { dryRunScrape } from "@/lib/scraper/dry-run";
import { anyRollRegistry } from "./cli/any-roll-registry";
import { formatProgressLine, formatSummary } from "./cli/format-progress";
import { USAGE, UsageError, parseCliArgs } from "./cli/parse-scrape-args";
import { runScrape, type ScrapeProgress } from "@/lib/scraper/run-scrape";
import { RunInProgressError } from "@/lib/scraper/store/runs";

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
// Flags that cannot be right are said before any database is opened.
try {
  parseCliArgs(argv, anyRollRegistry(argv));
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
  console.error(`error: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}

// The roll registry names the rolls --roll may take and their sites.
const db = workerDatabase();
let command;
try {
  command = parseCliArgs(argv, await readRollRegistry(db.pool, { override: config.DEFAULT_ROLL, today: todayInDurban() }));
} catch (error) {
  await closeDatabase(db);
  if (!(error instanceof UsageError || error instanceof ConfigError)) {
    // The registry could not be read (or names no default roll): no usage to show.
    console.error(`error: ${error instanceof UnknownDefaultRollError ? "" : "could not read the roll registry: "}${(error as Error).message}`);
    process.exit(2);
  }
  console.error(`error: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (command.kind === "help") {
  console.log(USAGE);
  await closeDatabase(db);
  process.exit(0);
}

const { options } = command;
for (const warning of command.warnings) console.error(`warning: ${warning}`);
const interactive = process.stderr.isTTY && !command.json;
// On a terminal the progress line is the display; logs below warnings would only scroll it away.
const log = createLogger({ component: "scraper" }, interactive ? { level: "warn" } : {});
const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping after the tasks in flight; the run can be resumed.`);
    stop.abort(new Error(signal));
  });
}

if (options.dryRun) {
  await closeDatabase(db);
  const summary = await dryRunScrape(options, log, stop.signal);
  console.log(
    `Dry run: ${summary.tasks} tasks, ${summary.rows} rows parsed and verified, ${summary.failures.length} failed, ${summary.requests} requests. Nothing was written.`,
  );
  for (const failure of summary.failures) console.log(`Failed: ${failure.suburbName} (${failure.titleType}): ${failure.error}`);
  process.exit(summary.failures.length === 0 ? 0 : 1);
}

let lastLogged = 0;
const onProgress = (progress: ScrapeProgress) => {
  const now = Date.now();
  if (interactive) process.stderr.write(`\r\x1b[2K${formatProgressLine(progress, now)}`);
  else if (now - lastLogged > 10_000) {
    lastLogged = now;
    log.info("progress", { ...progress });
  }
};

let exitCode = 1;
try {
  const summary = await runScrape({ db, options, resume: command.resume, signal: stop.signal, log, onProgress });
  if (interactive) process.stderr.write("\n");
  console.log(formatSummary(summary, Date.now()));
  exitCode = summary.status === "succeeded" ? 0 : 1;
} catch (error) {
  if (interactive) process.stderr.write("\n");
  if (error instanceof RunInProgressError) {
    console.error(`error: ${error.message}`);
    exitCode = 3;
  } else {
    console.error(`error: ${(error as Error).message}`);
  }
} finally {
  await closeDatabase(db);
}
process.exit(exitCode);
