// Runs a command with a migrated database: the one in DATABASE_URL, or else an embedded PostgreSQL
// under .data/ that this script starts, hands to the command as DATABASE_URL, and stops afterwards.
//   tsx scripts/with-database.ts next start
// A command that will not use it (--help, a bad flag) runs at once, without a database.
import { spawn } from "node:child_process";
import { needsDatabase } from "./cli/needs-database";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-database.ts <command> [args…]");
  process.exit(2);
}

// prepare-database loads lib/config, which refuses a bad environment: only when a database is wanted,
// so that the command's --help answers regardless.
const database = (await needsDatabase(command, args, process.cwd())) ? await (await import("./prepare-database")).prepareDatabase() : null;
const child = spawn(command, args, {
  stdio: "inherit",
  env: database ? { ...process.env, DATABASE_URL: database.url } : process.env,
  shell: false,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", async (code, signal) => {
  await database?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
