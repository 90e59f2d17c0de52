import type { Pool, PoolClient } from "pg";
import { assessFreshness, lastSuccessfulScrape } from "@/lib/scheduler/freshness";
import { checkMigrations, type MigrationsCheck } from "./migrations-applied";
import { readCompleteness, type Completeness } from "./roll-completeness";

// Readiness: the database answers, every migration this build ships is applied, and the roll was
// scraped successfully within the freshness window. Each check says what it found, so the answer
// itself tells an operator what to fix. Bounded by `timeoutMs`, so a hung database makes the probe
// fail rather than hang: every query runs in one read-only transaction with that statement timeout.
// It also reports (without gating readiness: the data may be served) how the last whole-roll run
// proved the roll complete, and when the cross-check by volume last agreed (roll-completeness.ts).

export type Readiness = {
  status: "ready" | "not_ready";
  checks: {
    database: { ok: boolean; error?: string };
    migrations: MigrationsCheck;
    freshness: { ok: boolean; roll: string; lastSuccessAt: string | null; ageHours: number | null; maxAgeHours: number };
  };
  completeness?: Completeness;
};

export type ReadinessOptions = {
  roll: string;
  freshnessHours: number;
  /** Migration names this build ships (prisma/migrations). */
  migrations: string[];
  timeoutMs?: number;
  now?: Date;
};

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
