import pg from "pg";
import { migrate } from "@/lib/db/prepare-database";

// Benchmark databases live on the machine's PostgreSQL under the dvre_bench_ prefix, never touching
// any other database.

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function benchDatabaseUrl(name: string, server = DEFAULT_SERVER_URL): string {
  const url = new URL(server);
  url.pathname = `/${benchDatabaseName(name)}`;
  return url.toString();
}

export function benchDatabaseName(name: string): string {
  const full = `dvre_bench_${name}`;
  if (!/^dvre_bench_[a-z0-9_]+$/.test(full)) throw new Error(`not a benchmark database name: ${full}`);
  return full;
}

async function onServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function benchDatabaseExists(name: string, server = DEFAULT_SERVER_URL): Promise<boolean> {
  return onServer(server, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [benchDatabaseName(name)]);
    return (rowCount ?? 0) > 0;
  });
}

/** A fresh, migrated benchmark database (an old one of the same name is dropped first). */
export async function createBenchDatabase(name: string, server = DEFAULT_SERVER_URL): Promise<string> {
  await dropBenchDatabase(name, server);
  await onServer(server, (client) => client.query(`CREATE DATABASE ${benchDatabaseName(name)}`));
  const url = benchDatabaseUrl(name, server);
  await migrate(url);
  return url;
}

export async function dropBenchDatabase(name: string, server = DEFAULT_SERVER_URL): Promise<void> {
  await onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS ${benchDatabaseName(name)} WITH (FORCE)`));
}
