import { config, type Roll } from "@/lib/config";
import { ROLL_IDS } from "@/lib/search-state/search-state";

/** The `roll` query parameter of a suburbs page, or the default roll. */
export function readRoll(query: Record<string, string | string[] | undefined>): Roll {
  const value = Array.isArray(query.roll) ? query.roll[0] : query.roll;
  return ROLL_IDS.find((roll) => roll === value) ?? config.DEFAULT_ROLL;
}
