import { ROLL_ID_PATTERN } from "@/lib/rolls/roll-id";
import type { RollRegistry } from "@/lib/rolls/roll-registry";
import { seedRegistry } from "@/lib/rolls/seed-rolls";

/**
 * The registry flags are checked against before any database is open: the seeded rolls, and
 * whatever well-formed roll `--roll` names (with an address), since whether it is registered is the
 * database's to say. A malformed roll id, an unknown flag or a bad value is caught without one.
 */
export function anyRollRegistry(argv: readonly string[]): RollRegistry {
  const seed = seedRegistry("gv2022");
  const index = argv.findIndex((arg) => arg === "--roll" || arg.startsWith("--roll="));
  const named = index < 0 ? undefined : argv[index]!.includes("=") ? argv[index]!.slice("--roll=".length) : argv[index + 1];
  const rolls = seed.rolls.map((roll) => ({ ...roll, baseUrl: roll.baseUrl ?? "http://localhost/" }));
  if (named && ROLL_ID_PATTERN.test(named) && !seed.ids.includes(named)) rolls.push({ ...rolls[0]!, id: named, label: named });
  return { rolls, ids: rolls.map((roll) => roll.id), defaultRoll: seed.defaultRoll };
}

