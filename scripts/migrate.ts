// npm run db:migrate: apply pending migrations to DATABASE_URL (or the embedded database).
import { exitUnlessRun } from "./cli/parse-help-only";
import { prepareDatabase } from "./prepare-database";

exitUnlessRun(
  process.argv.slice(2),
  `Usage: npm run db:migrate

Applies the pending migrations in prisma/migrations to DATABASE_URL, or to the embedded PostgreSQL
under .data/ (started for this and stopped after). It takes no flags.`,
);

const database = await prepareDatabase();
const { applied, alreadyApplied } = database.migrations;
console.log(
  applied.length
    ? `applied ${applied.length} migration(s): ${applied.join(", ")}`
    : `database is up to date (${alreadyApplied} migration(s) applied before)`,
);
await database.stop();
