import path from "node:path";
import type { RollRegistry } from "@/lib/rolls/roll-registry";
import { seedRegistry } from "@/lib/rolls/seed-rolls";

// Whether the command with-database.ts was asked to run will use the database. A script asked for
// --help, or given a bad flag, answers without one: the script itself prints its usage or its error,
// and no embedded PostgreSQL is started for that (nor fails to start because another checkout's
// holds the port). The scripts parse their own flags the same way, so the two cannot disagree.

type FlagParser = (argv: readonly string[]) => { kind: string };

/**
 * The registry the flags are checked against here: the seeded rolls, and whatever roll `--roll`
 * names (with an address), since whether it is registered is the database's to say, not this check's.
 */
function anyRollRegistry(argv: readonly string[]): RollRegistry {
  const seed = seedRegistry("gv2022");
  const index = argv.findIndex((arg) => arg === "--roll" || arg.startsWith("--roll="));
  const named = index < 0 ? undefined : argv[index]!.includes("=") ? argv[index]!.slice("--roll=".length) : argv[index + 1];
  const rolls = seed.rolls.map((roll) => ({ ...roll, baseUrl: roll.baseUrl ?? "http://localhost/" }));
  if (named && !seed.ids.includes(named)) rolls.push({ ...rolls[0]!, id: named, label: named });
  return { rolls, ids: rolls.map((roll) => roll.id), defaultRoll: seed.defaultRoll };
}

/** Each script run through with-database.ts (package.json), by its path from the project root. */
const FLAG_PARSERS: Record<string, () => Promise<FlagParser>> = {
  "scripts/scrape.ts": async () => {
    const { parseCliArgs } = await import("./parse-scrape-args");
    return (argv) => parseCliArgs(argv, anyRollRegistry(argv));
  },
  "scripts/probe-site.ts": async () => {
    const { parseProbeArgs } = await import("./parse-probe-args");
    return (argv) => parseProbeArgs(argv, anyRollRegistry(argv));
  },
  "scripts/cron.ts": async () => (await import("./parse-help-only")).parseHelpOnly,
};

const HELP_FLAGS = new Set(["--help", "-h"]);

export async function needsDatabase(command: string, args: readonly string[], root: string): Promise<boolean> {
  if (path.basename(command) === "next") return !args.some((arg) => HELP_FLAGS.has(arg));
  const [script, ...scriptArgs] = args;
  const parser = script ? FLAG_PARSERS[path.relative(root, path.resolve(root, script))] : undefined;
  if (!parser) return true;
  try {
    const parse = await parser();
    return parse(scriptArgs).kind !== "help";
  } catch {
    // A bad flag, or a bad environment variable the flags default from: the script says which.
    return false;
  }
}
