import type { RollId } from "@/lib/rolls/roll-id";
import type { RollRegistry } from "@/lib/rolls/roll-registry";

/** The `roll` query parameter of a suburbs page when the registry has it, or the default roll. */
export function readRoll(query: Record<string, string | string[] | undefined>, registry: RollRegistry): RollId {
  const value = Array.isArray(query.roll) ? query.roll[0] : query.roll;
  return registry.ids.find((roll) => roll === value) ?? registry.defaultRoll;
}
