import path from "node:path";
import { anyRollRegistry } from "./any-roll-registry";

// Whether the command with-database.ts was asked to run will use the database. A script asked for
// --help, or given a bad flag, answers without one: the script itself prints its usage or its error,
// and no embedded PostgreSQL is started for that (nor fails to start because another checkout's
// holds the port). The scripts parse their own flags the same way, so the two cannot disagree.

type FlagParser = (argv: readonly string[]) => { kind: string };

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
