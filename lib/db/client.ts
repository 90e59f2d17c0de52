import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool per process, shared by Prisma (typed queries) and the set-based SQL that Prisma cannot
// express (bulk upserts, keyset pages, streamed exports). Cached on globalThis so Next's dev
// server does not open a new pool on every reload.

type Database = { pool: pg.Pool; prisma: PrismaClient };
const cache = globalThis as unknown as { __database?: Database };

// BIGINT (market values, ids) as JavaScript numbers: every value we store is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// NUMERIC (registered extent) as numbers: two decimals of square metres fit a double exactly enough.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export class DatabaseNotConfiguredError extends Error {
  override name = "DatabaseNotConfiguredError";
  constructor() {
    super(
      "DATABASE_URL is not set. Start the app with `npm start` (which starts an embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
}

function connect(): Database {
  if (!config.DATABASE_URL) throw new DatabaseNotConfiguredError();
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    application_name: "durban-valuation-roll-explorer",
  });
  // An idle client whose server went away must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

export function database(): Database {
  return (cache.__database ??= connect());
}

export async function closeDatabase(): Promise<void> {
  const current = cache.__database;
  cache.__database = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => {});
}
