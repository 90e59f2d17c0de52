// npm run probe-site -- [options]: is the valuation-roll site there, and can it be scraped now?
// `npm run probe-site -- --help` lists the options. DEPLOYMENT.md's runbook starts here.
import { writeFile } from "node:fs/promises";
import { ConfigError, config } from "@/lib/config";
import { closeDatabase, createDatabase, database } from "@/lib/db/client";
import { formatProbeSummary } from "@/lib/probe/format-probe-summary";
import { PROBE_USAGE, ProbeUsageError, parseProbeArgs } from "./cli/parse-probe-args";
import { runProbe } from "@/lib/probe/run-probe";
import { UnknownDefaultRollError } from "@/lib/rolls/choose-default-roll";
import { readRollRegistry, todayInDurban, type RollRegistry } from "@/lib/rolls/roll-registry";
import { storeProbe } from "@/lib/probe/site-probes";

// The roll registry names the rolls --roll may take and their sites; without a database there is none.
async function registryIfAny(): Promise<RollRegistry | null> {
  if (!config.DATABASE_URL) return null;
  const db = createDatabase(config.DATABASE_URL, 1);
  try {
    return await readRollRegistry(db.pool, { override: config.DEFAULT_ROLL, today: todayInDurban() });
  } catch (error) {
    if (error instanceof UnknownDefaultRollError) throw error;
    // The site matters more than the database: probe it all the same, from the flags alone.
    console.error(`warning: the roll registry could not be read (${(error as Error).message}): the probe needs --roll and --base-url`);
    return null;
  } finally {
    await closeDatabase(db);
  }
}

const argv = process.argv.slice(2);
let command;
try {
  command = parseProbeArgs(argv, argv.includes("--help") || argv.includes("-h") ? null : await registryIfAny());
} catch (error) {
  if (!(error instanceof ProbeUsageError || error instanceof ConfigError || error instanceof UnknownDefaultRollError)) throw error;
  console.error(`error: ${error.message}\n\n${PROBE_USAGE}`);
  process.exit(2);
}
if (command.kind === "help") {
  console.log(PROBE_USAGE);
  process.exit(0);
}

const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort(new Error(signal)));

const report = await runProbe({ ...command.options, signal: stop.signal });
const summary = formatProbeSummary(report);
console.log(command.json ? JSON.stringify(report, null, 2) : summary);

if (command.out) {
  try {
    await writeFile(command.out, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    console.error(`error: could not write ${command.out}: ${(error as Error).message}`);
  }
}

// The report matters more than its storage: a database problem is said, not fatal.
if (command.store && !config.DATABASE_URL) console.error("Not stored: DATABASE_URL is not set (npm run probe-site provides one).");
if (command.store && config.DATABASE_URL) {
  const db = database();
  try {
    const stored = await storeProbe(db, { report, summary, triggeredBy: "cli" });
    console.error(`Stored as probe #${stored.id}.`);
  } catch (error) {
    console.error(`warning: the report was not stored in the database: ${(error as Error).message}`);
  } finally {
    await closeDatabase(db);
  }
}
process.exit(report.verdict === "down" ? 1 : 0);
