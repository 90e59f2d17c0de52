import pg from "pg";
import { config } from "@/lib/config";
import { applyMigrations, type MigrationResult } from "./migrate";

export type PreparedDatabase = { url: string; embedded: boolean; migrations: MigrationResult; stop: () => Promise<void> };

export async function migrate(url: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(client);
  } finally {
    await client.end();
  }
}

// The database every entry point uses: DATABASE_URL if set, else the embedded one; migrated.
// The embedded database is imported only when needed: the image deletes its platform binaries.
export async function prepareDatabase(log: (message: string) => void = console.error): Promise<PreparedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, migrations: await migrate(config.DATABASE_URL), stop: async () => {} };
  }
  const { startEmbeddedDatabase } = await import("./embedded");
  const embedded = await startEmbeddedDatabase({
    dir: config.EMBEDDED_DATABASE_DIR,
    port: config.EMBEDDED_DATABASE_PORT,
    log,
  });
  try {
    return { url: embedded.url, embedded: true, migrations: await migrate(embedded.url), stop: embedded.stop };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
