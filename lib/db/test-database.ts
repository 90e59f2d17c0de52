import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "./prepare-database";

// Integration tests get a fresh, migrated database of their own on the PostgreSQL server named by
// TEST_DATABASE_URL (CI: the machine's server), so they never see each other's rows.

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "integration tests need a PostgreSQL server: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres); `npm test` does this for you",
    );
  }
  return url;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  const name = `dvre_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  await migrate(url);
  return {
    url,
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
