import type { Database } from "@/lib/db/client";
import { NoBaseUrlError, resolveScrapeOptions, type ScrapeOptions, type ScrapeOptionsInput } from "@/lib/scraper/scrape-options";
import { findRoll, forgetRollRegistry, rollRegistry } from "./roll-registry";

// A scrape's options for a roll of the registry: the roll must be registered (the default roll when
// none is given), and its site is the registry's base URL unless --base-url or VALUATION_BASE_URL
// says otherwise.

export class UnknownRollError extends Error {
  override name = "UnknownRollError";
}

export async function scrapeOptionsForRoll(db: Pick<Database, "pool">, input: Omit<ScrapeOptionsInput, "roll"> & { roll?: string }): Promise<ScrapeOptions> {
  const registry = await rollRegistry(db);
  const id = input.roll ?? registry.defaultRoll;
  const roll = findRoll(registry, id);
  if (!roll) throw new UnknownRollError(`${id} is not a roll of the registry (known rolls: ${registry.ids.join(", ")}); add it in /admin`);
  return resolveScrapeOptions({ ...input, roll: roll.id }, roll.baseUrl);
}

/**
 * The nightly plan: one scrape per active roll of the registry, newest first, read fresh (a roll
 * made active in /admin is in the next night's plan). A roll with no base URL is left out.
 */
export async function activeRollsPlan(db: Pick<Database, "pool">, input: Omit<ScrapeOptionsInput, "roll" | "baseUrl">): Promise<ScrapeOptions[]> {
  forgetRollRegistry(db);
  const registry = await rollRegistry(db);
  return registry.rolls
    .filter((roll) => roll.status === "active")
    .flatMap((roll) => {
      try {
        return [resolveScrapeOptions({ ...input, roll: roll.id }, roll.baseUrl)];
      } catch (error) {
        if (error instanceof NoBaseUrlError) return [];
        throw error;
      }
    });
}
