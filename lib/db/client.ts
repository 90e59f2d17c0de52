import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool per process, shared by Prisma (typed queries) and the set-based SQL that Prisma cannot
// express (bulk upserts, keyset pages, streamed exports). Cached on globalThis so Next's dev
// server does not open a new pool on every reload.

export type Database = { pool: pg.Pool; prisma: PrismaClient };
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

export function createDatabase(url: string, poolSize = config.DATABASE_POOL_SIZE): Database {
  // JIT compiling costs 30-60 ms on a search whose estimated cost is high but whose run (stopping at
  // its LIMIT) takes a few milliseconds; no query here runs long enough to win it back.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: "durban-valuation-roll-explorer",
    options: "-c jit=off",
  });
  // An idle client whose server went away must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

export async function closeDatabase(db: Database): Promise<void> {
  await db.prisma.$disconnect();
  await db.pool.end().catch(() => {});
}

/** The process's shared database, from DATABASE_URL. Library functions take a `Database` argument;
 *  entry points (route handlers, scripts) pass this one, tests pass their own. */
export function database(): Database {
  if (!config.DATABASE_URL) throw new DatabaseNotConfiguredError();
  return (cache.__database ??= createDatabase(config.DATABASE_URL));
}
