// npm run link-rolls -- --from gv2022 --to gv2026: links the properties of two rolls.
// `--help` answers without a database.
import { LINK_USAGE, LinkUsageError, parseLinkArgs } from "./cli/parse-link-args";
import { formatNumber } from "@/lib/format/format-number";

let command;
try {
  command = parseLinkArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof LinkUsageError)) throw error;
  console.error(`error: ${error.message}\n\n${LINK_USAGE}`);
  process.exit(2);
}
if (command.kind === "help") {
  console.log(LINK_USAGE);
  process.exit(0);
}

// Imported only now: the database modules read the configuration, which --help must not need.
const { prepareDatabase } = await import("./prepare-database");
const { closeDatabase, createDatabase } = await import("@/lib/db/client");
const { linkRollPair, RollPairError } = await import("@/lib/roll-links/link-roll-pair");

const prepared = await prepareDatabase();
const db = createDatabase(prepared.url, 2);
let code = 0;
try {
  const summary = await linkRollPair(db.pool, command.from, command.to);
  const methods = Object.entries(summary.byMethod)
    .map(([method, count]) => `${method} ${formatNumber(count)}`)
    .join(", ");
  console.log(`Linked ${command.from} to ${command.to}: ${formatNumber(summary.links)} links (${methods}).`);
  console.log(`Gone since ${command.from}: ${formatNumber(summary.gone)}. New on ${command.to}: ${formatNumber(summary.added)}.`);
} catch (error) {
  if (!(error instanceof RollPairError)) throw error;
  console.error(`error: ${error.message}`);
  code = 1;
} finally {
  await closeDatabase(db);
  await prepared.stop();
}
process.exit(code);
