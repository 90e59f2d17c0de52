import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool per process, shared by Prisma (typed queries) and the set-based SQL that Prisma cannot
// express (bulk upserts, keyset pages, streamed exports). Cached on globalThis so Next's dev
// server does not open a new pool on every reload.

export type Database = { pool: pg.Pool; prisma: PrismaClient };
const cache = globalThis as unknown as { __database?: Database; __exportPool?: pg.Pool };

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

export type PoolSettings = {
  /** How long to wait for a pooled (or new) connection before the query fails. */
  connectionTimeoutMs: number;
  /** statement_timeout of every statement on the pool's connections (0: none). */
  statementTimeoutMs: number;
  /** idle_in_transaction_session_timeout (0: none). */
  idleInTransactionTimeoutMs: number;
  /** How long an idle pooled connection is kept open. */
  idleTimeoutMs: number;
};

// Scripts, the worker and tests: no statement timeout (a scrape's bulk statements may be long).
const SCRIPT_POOL: PoolSettings = {
  connectionTimeoutMs: config.DATABASE_CONNECTION_TIMEOUT_MS,
  statementTimeoutMs: 0,
  idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  // pg's default: a script that leaves its pool open still exits 10 s after its last query.
  idleTimeoutMs: 10_000,
};

// The web's connections stay open between residents. Closed after pg's 10 s, nearly every request to
// a quiet site opened a connection and planned its statements with cold catalog caches: a search
// answered in 67-95 ms after 12 s idle instead of 42-51 ms (24 ms when busy), at 1M rows.
const WEB_IDLE_TIMEOUT_MS = 600_000;

function createPool(url: string, max: number, settings: PoolSettings): pg.Pool {
  // JIT compiling costs 30-60 ms on a search whose estimated cost is high but whose run (stopping at
  // its LIMIT) takes a few milliseconds; no query here runs long enough to win it back.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: "durban-valuation-roll-explorer",
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    options: `-c jit=off -c statement_timeout=${settings.statementTimeoutMs} -c idle_in_transaction_session_timeout=${settings.idleInTransactionTimeoutMs}`,
  });
  // A client whose server went away (or ended it: idle_in_transaction_session_timeout) must not
  // crash the process, idle or checked out; the next query on it reports the failure.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

export function createDatabase(url: string, poolSize = config.DATABASE_POOL_SIZE, settings: Partial<PoolSettings> = {}): Database {
  const pool = createPool(url, poolSize, { ...SCRIPT_POOL, ...settings });
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

export async function closeDatabase(db: Database): Promise<void> {
  await db.prisma.$disconnect();
  await db.pool.end().catch(() => {});
}

/** The web process's shared database, from DATABASE_URL, its reads bounded by
 *  DATABASE_STATEMENT_TIMEOUT_MS. Library functions take a `Database` argument; entry points (route
 *  handlers) pass this one, tests pass their own. */
export function database(): Database {
  if (!config.DATABASE_URL) throw new DatabaseNotConfiguredError();
  return (cache.__database ??= createDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE, { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS, idleTimeoutMs: WEB_IDLE_TIMEOUT_MS }));
}

/** The database of the worker and the CLI: the same pool, without the web's statement timeout. */
export function workerDatabase(): Database {
  if (!config.DATABASE_URL) throw new DatabaseNotConfiguredError();
  return (cache.__database ??= createDatabase(config.DATABASE_URL));
}

/** The web process's export pool: EXPORT_MAX_CONCURRENT connections of their own, so exports never
 *  take the connections pages and API reads need. No statement timeout: the stall timeout bounds them. */
export function exportPool(): pg.Pool {
  if (!config.DATABASE_URL) throw new DatabaseNotConfiguredError();
  return (cache.__exportPool ??= createPool(config.DATABASE_URL, config.EXPORT_MAX_CONCURRENT, { ...SCRIPT_POOL }));
}

export type PoolUsage = { max: number; total: number; idle: number; inUse: number; waiting: number };

/** How full a pool is: connections open, in use, and requests waiting for one. */
export function poolUsage(pool: pg.Pool): PoolUsage {
  return { max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount };
}
