// npm run db:migrate: apply pending migrations to DATABASE_URL (or the embedded database).
import { prepareDatabase } from "./prepare-database";

const database = await prepareDatabase();
const { applied, alreadyApplied } = database.migrations;
console.log(
  applied.length
    ? `applied ${applied.length} migration(s): ${applied.join(", ")}`
    : `database is up to date (${alreadyApplied} migration(s) applied before)`,
);
await database.stop();
