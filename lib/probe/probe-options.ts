import type { RollId } from "@/lib/rolls/roll-id";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import type { ProbeOptions } from "./run-probe";

// What a probe of a roll asks with, whether the command line or the admin page started it.

/** The site as given, with the User-Agent and politeness a scrape of the roll would use, and the probe's limits. */
export function probeOptionsFor(input: { roll: RollId; baseUrl: string; timeoutMs: number; delayMs: number }): ProbeOptions {
  const scrape = resolveScrapeOptions({ roll: input.roll, baseUrl: input.baseUrl });
  // The base URL exactly as given (a redirect of the bare address is worth seeing); the scrape
  // options' copy has a trailing slash added.
  return {
    roll: input.roll,
    baseUrl: input.baseUrl,
    userAgent: scrape.userAgent,
    timeoutMs: input.timeoutMs,
    delayMs: input.delayMs,
  };
}
