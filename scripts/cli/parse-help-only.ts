import { parseArgs } from "node:util";

// The command line of a script whose only flag is --help (cron, migrate, hash-password): anything
// else is a mistake worth saying, not something to ignore while the script does its work.

export type HelpOnlyCommand = { kind: "help" } | { kind: "run" };

export class HelpOnlyUsageError extends Error {
  override name = "HelpOnlyUsageError";
}

export function parseHelpOnly(argv: readonly string[]): HelpOnlyCommand {
  try {
    const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { help: { type: "boolean", short: "h" } } });
    return values.help ? { kind: "help" } : { kind: "run" };
  } catch (error) {
    throw new HelpOnlyUsageError((error as Error).message);
  }
}

/** For the script itself: prints the usage and exits 0 on --help, prints the error and the usage and exits 2 on anything else. */
export function exitUnlessRun(argv: readonly string[], usage: string): void {
  let command: HelpOnlyCommand;
  try {
    command = parseHelpOnly(argv);
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (command.kind === "help") {
    console.log(usage);
    process.exit(0);
  }
}
