import type { Roll } from "@/lib/config";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import type { ProbeOptions } from "./run-probe";

// What a probe of a roll asks with, whether the command line or the admin page started it.

/** The site, User-Agent and politeness a scrape of the roll would use, with the probe's limits. */
export function probeOptionsFor(input: { roll: Roll; baseUrl?: string; timeoutMs: number; delayMs: number }): ProbeOptions {
  const scrape = resolveScrapeOptions({ roll: input.roll, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
  // The base URL exactly as given (a redirect of the bare address is worth seeing); the scrape
  // options' copy has a trailing slash added.
  return {
    roll: input.roll,
    baseUrl: input.baseUrl ?? scrape.baseUrl,
    userAgent: scrape.userAgent,
    timeoutMs: input.timeoutMs,
    delayMs: input.delayMs,
  };
}
