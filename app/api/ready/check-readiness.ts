import type { Pool, PoolClient } from "pg";
import { listMigrations } from "@/lib/db/migrate";
import { assessFreshness, lastSuccessfulScrape } from "@/lib/scheduler/freshness";

// Readiness: the database answers, every migration this build ships is applied, and the roll was
// scraped successfully within the freshness window. Each check says what it found, so the answer
// itself tells an operator what to fix. Bounded by `timeoutMs`, so a hung database makes the probe
// fail rather than hang. It also reports (without gating readiness: the data may be served) how the
// last whole-roll run proved the roll complete, and when the cross-check by volume last agreed.

export type Readiness = {
  status: "ready" | "not_ready";
  checks: {
    database: { ok: boolean; error?: string };
    migrations: { ok: boolean; applied: number; pending: string[]; error?: string };
    freshness: { ok: boolean; roll: string; lastSuccessAt: string | null; ageHours: number | null; maxAgeHours: number };
  };
  completeness?: Completeness;
};

export type Completeness = {
  /** The last successful whole-roll run, and whether it was proven complete (removals applied). */
  lastRun: {
    id: number;
    finishedAt: string;
    complete: boolean;
    rowsVerified: number;
    rowsRecovered: number;
    oddCells: number;
    crossCheck: { ran: boolean; agreed: boolean | null; reason: string } | null;
  } | null;
  /** When the cross-check by volume last agreed with the suburb pass (null: never). */
  lastAgreedCrossCheckAt: string | null;
};

export type ReadinessOptions = {
  roll: string;
  freshnessHours: number;
  /** Migration names this build ships (prisma/migrations). */
  migrations: string[];
  timeoutMs?: number;
  now?: Date;
};

let shippedMigrations: string[] | undefined;
/** The migrations on disk, read once (they do not change while the process runs). */
export function shippedMigrationNames(): string[] {
  return (shippedMigrations ??= listMigrations().map((migration) => migration.name));
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number, onLate: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      promise.then(onLate, () => {});
      reject(new Timeout(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(pool: Pool, options: ReadinessOptions): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const freshnessUnknown = { ok: false, roll: options.roll, lastSuccessAt: null, ageHours: null, maxAgeHours: options.freshnessHours };
  const notReady = (database: Readiness["checks"]["database"], migrations: Readiness["checks"]["migrations"]): Readiness => ({
    status: "not_ready",
    checks: { database, migrations, freshness: freshnessUnknown },
  });

  let client: PoolClient;
  try {
    client = await within(pool.connect(), timeoutMs, (late) => late.release());
  } catch (error) {
    const message = error instanceof Timeout ? error.message : "could not connect";
    return notReady({ ok: false, error: message }, { ok: false, applied: 0, pending: [], error: "not checked: no database" });
  }
  let broken = false;
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
    const migrations = await checkMigrations(client, options.migrations);
    if (!migrations.ok && migrations.applied === 0) return notReady({ ok: true }, migrations);
    const freshness = assessFreshness(await lastSuccessfulScrape(client, options.roll), options.now ?? new Date(), options.freshnessHours);
    const ready = migrations.ok && freshness.fresh;
    const completeness = await readCompleteness(client, options.roll);
    return {
      status: ready ? "ready" : "not_ready",
      checks: {
        database: { ok: true },
        migrations,
        freshness: {
          ok: freshness.fresh,
          roll: options.roll,
          lastSuccessAt: freshness.lastSuccessAt?.toISOString() ?? null,
          ageHours: freshness.ageHours,
          maxAgeHours: freshness.maxAgeHours,
        },
      },
      completeness,
    };
  } catch (error) {
    broken = true;
    const message = /statement timeout/.test((error as Error).message) ? `no answer within ${timeoutMs} ms` : "a query failed";
    return notReady({ ok: false, error: message }, { ok: false, applied: 0, pending: [], error: "not checked" });
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release(broken);
  }
}

async function checkMigrations(client: PoolClient, shipped: string[]): Promise<Readiness["checks"]["migrations"]> {
  if (shipped.length === 0) return { ok: false, applied: 0, pending: [], error: "this build ships no migrations: prisma/migrations is missing" };
  const { rows: table } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`);
  if (!table[0]?.exists) return { ok: false, applied: 0, pending: shipped, error: "no migration has been applied: run the migrate command" };
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = shipped.filter((name) => !applied.has(name));
  return pending.length === 0 ? { ok: true, applied: applied.size, pending } : { ok: false, applied: applied.size, pending, error: "run the migrate command" };
}

async function readCompleteness(client: PoolClient, roll: string): Promise<Completeness> {
  const { rows } = await client.query<{
    id: number;
    finished_at: Date;
    complete: boolean;
    rows_verified: number;
    rows_recovered: number;
    odd_cells: number;
    cross_check: { ran?: boolean; agreed?: boolean | null; reason?: string } | null;
  }>(
    `SELECT id, finished_at, complete, rows_verified, rows_recovered, odd_cells, cross_check FROM scrape_runs
      WHERE roll = $1 AND status = 'succeeded' AND whole_roll AND finished_at IS NOT NULL
      ORDER BY finished_at DESC LIMIT 1`,
    [roll],
  );
  const { rows: agreed } = await client.query<{ finished_at: Date | null }>(
    `SELECT max(finished_at) AS finished_at FROM scrape_runs
      WHERE roll = $1 AND status = 'succeeded' AND cross_check->>'agreed' = 'true'`,
    [roll],
  );
  const run = rows[0];
  const check = run?.cross_check;
  return {
    lastRun: run
      ? {
          id: run.id,
          finishedAt: run.finished_at.toISOString(),
          complete: run.complete,
          rowsVerified: run.rows_verified,
          rowsRecovered: run.rows_recovered,
          oddCells: run.odd_cells,
          crossCheck: check ? { ran: check.ran === true, agreed: check.agreed ?? null, reason: check.reason ?? "" } : null,
        }
      : null,
    lastAgreedCrossCheckAt: agreed[0]?.finished_at?.toISOString() ?? null,
  };
}
