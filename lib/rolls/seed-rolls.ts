import { readFileSync } from "node:fs";
import path from "node:path";
import type { RegisteredRoll, RollKind, RollRegistry, RollStatus } from "./roll-registry";

// The rolls the registry's migration seeds, read from the migration itself (the one place the list
// is written): for the committed OpenAPI document and for tests that need a registry without a
// database. The app reads the table, never this.

const SEED_MIGRATION = path.join(import.meta.dirname, "..", "..", "prisma", "migrations", "20261203111424_rolls_registry", "migration.sql");
const DATE = String.raw`'(\d{4}-\d{2}-\d{2})'`;
const SEED_ROW = new RegExp(String.raw`\('([a-z0-9]+)', '([^']+)', '([^']+)', ${DATE}, ${DATE}, (?:${DATE}|NULL), '(\w+)', '(\w+)'\)`, "g");

export function seedRolls(): RegisteredRoll[] {
  const sql = readFileSync(SEED_MIGRATION, "utf8");
  const rolls = [...sql.matchAll(SEED_ROW)].map(
    ([, id, label, baseUrl, valuationDate, effectiveFrom, effectiveTo, kind, status]): RegisteredRoll => ({
      id: id!,
      label: label!,
      baseUrl: baseUrl!,
      valuationDate: valuationDate!,
      effectiveFrom: effectiveFrom!,
      effectiveTo: effectiveTo ?? null,
      kind: kind as RollKind,
      status: status as RollStatus,
      probeVerdict: null,
      probeId: null,
    }),
  );
  if (rolls.length === 0) throw new Error(`no seeded rolls found in ${SEED_MIGRATION}`);
  return rolls.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
}

/** The seeded registry, with `defaultRoll` as given (tests choose it; the app computes it). */
export function seedRegistry(defaultRoll: string): RollRegistry {
  const rolls = seedRolls();
  return { rolls, ids: rolls.map((roll) => roll.id), defaultRoll };
}
