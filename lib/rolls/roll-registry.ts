import type { Pool, PoolClient } from "pg";
import { config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { chooseDefaultRoll, type DefaultRollCandidate } from "./choose-default-roll";
import type { RollId, RollOption } from "./roll-id";
import { SITE_TIME_ZONE } from "@/lib/format/site-time-zone";

// The roll registry (table `rolls`) as every part of the app reads it, with the default roll. Read
// at most every ROLL_REGISTRY_TTL_MS per process (pages and the API ask on every request), and at
// once after this process edits it: another instance sees an added roll within the TTL, no restart.

export const ROLL_REGISTRY_TTL_MS = 5_000;

export type RollKind = "general" | "supplementary";
export type RollStatus = "planned" | "active" | "archived";

export type RegisteredRoll = RollOption & {
  /** The municipality's site for the roll; null: none known yet. */
  baseUrl: string | null;
  /** YYYY-MM-DD dates. */
  valuationDate: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  kind: RollKind;
  status: RollStatus;
  /** The verdict of the probe run when the roll was last saved ("ok", "degraded", "down"); null: never probed. */
  probeVerdict: string | null;
  probeId: number | null;
};

export type RollRegistry = {
  /** Newest first (by the date each takes effect). */
  rolls: RegisteredRoll[];
  ids: RollId[];
  defaultRoll: RollId;
};

type RollRow = RegisteredRoll & Pick<DefaultRollCandidate, "hasCompleteRun" | "hasRows">;

// A run counts as complete when it read the whole roll, both title types, and proved it complete
// (scrape_runs.complete: every task verified, the cross-check agreed when it ran). "hasRows" walks
// the (roll, title_type, rate_number) index: a plain EXISTS was planned as a scan of the whole table
// for a roll with no rows yet (a planned GV2026), 2,4 s at 1M rows on every registry refresh.
const REGISTRY_SQL = `
  SELECT r.id, r.label, r.base_url AS "baseUrl",
         to_char(r.valuation_date, 'YYYY-MM-DD') AS "valuationDate",
         to_char(r.effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
         to_char(r.effective_to, 'YYYY-MM-DD') AS "effectiveTo",
         r.kind::text AS kind, r.status::text AS status, r.probe_verdict AS "probeVerdict", r.probe_id AS "probeId",
         EXISTS (SELECT 1 FROM scrape_runs s
                  WHERE s.roll = r.id AND s.status = 'succeeded' AND s.whole_roll AND s.complete
                    AND s.options -> 'titleTypes' @> '["full", "sectional"]') AS "hasCompleteRun",
         (SELECT 1 FROM valuations v WHERE v.roll = r.id ORDER BY v.roll, v.title_type, v.rate_number LIMIT 1) IS NOT NULL AS "hasRows"
    FROM rolls r
   ORDER BY r.effective_from DESC, r.id DESC`;

/** Reads the registry now (no cache). `override` is DEFAULT_ROLL; `today` is YYYY-MM-DD. */
export async function readRollRegistry(sql: Pool | PoolClient, options: { override: RollId | undefined; today: string }): Promise<RollRegistry> {
  const { rows } = await sql.query<RollRow>(REGISTRY_SQL);
  const defaultRoll = chooseDefaultRoll(rows, options.override, options.today);
  const rolls = rows.map(({ hasCompleteRun: _complete, hasRows: _rows, ...roll }) => roll);
  return { rolls, ids: rolls.map((roll) => roll.id), defaultRoll };
}

/** Today's date where the rolls are (Durban), as YYYY-MM-DD. */
export function todayInDurban(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: SITE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const cache = new WeakMap<Pool, { readAt: number; registry: Promise<RollRegistry> }>();

/** The registry, read at most every ROLL_REGISTRY_TTL_MS for this database pool. */
export function rollRegistry(db: Pick<Database, "pool">): Promise<RollRegistry> {
  const cached = cache.get(db.pool);
  if (cached && Date.now() - cached.readAt < ROLL_REGISTRY_TTL_MS) return cached.registry;
  const registry = readRollRegistry(db.pool, { override: config.DEFAULT_ROLL, today: todayInDurban() });
  cache.set(db.pool, { readAt: Date.now(), registry });
  // A failed read is not kept: the next call tries again.
  registry.catch(() => {
    if (cache.get(db.pool)?.registry === registry) cache.delete(db.pool);
  });
  return registry;
}

/** After an edit: the next read in this process goes to the database. */
export function forgetRollRegistry(db: Pick<Database, "pool">): void {
  cache.delete(db.pool);
}

/** One registered roll, or null. */
export function findRoll(registry: RollRegistry, id: RollId): RegisteredRoll | null {
  return registry.rolls.find((roll) => roll.id === id) ?? null;
}

/** What client components get: ids and labels only. */
export function rollOptions(registry: RollRegistry): RollOption[] {
  return registry.rolls.map(({ id, label }) => ({ id, label }));
}

/**
 * The roll a command-line tool works on (--roll, else the default) and its site in the registry,
 * or an error message that lists the registered rolls.
 */
export function rollForFlag(registry: RollRegistry, flag: string | undefined): { ok: true; roll: RegisteredRoll } | { ok: false; message: string } {
  const id = flag ?? registry.defaultRoll;
  const roll = findRoll(registry, id);
  return roll ? { ok: true, roll } : { ok: false, message: `must be one of ${registry.ids.join(", ")} (the roll registry; add a roll in /admin)` };
}

/** At start-up: a DEFAULT_ROLL the registry lacks is said at once (each page and API answer would fail on it). */
export async function checkDefaultRoll(db: Pick<Database, "pool">, log: { error: (message: string) => void }): Promise<void> {
  if (config.DEFAULT_ROLL === undefined) return;
  try {
    await rollRegistry(db);
  } catch (error) {
    log.error((error as Error).message);
  }
}
