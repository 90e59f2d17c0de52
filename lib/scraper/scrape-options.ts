import { z } from "zod";
import { LIVE_SITE_URLS, ROLLS, config } from "@/lib/config";
import { RunTrigger, TitleType } from "@/lib/generated/prisma/enums";

// What a scrape is asked to do. The CLI flags, the admin API and the scheduler all parse into this
// one schema; a run stores it so that a resume does exactly the same work.

export const scrapeOptionsSchema = z.object({
  roll: z.enum(ROLLS).default(config.DEFAULT_ROLL),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  titleTypes: z.array(z.enum(TitleType)).min(1).default(["full", "sectional"]),
  /** Site suburb ids; omitted: every suburb on the site (a whole-roll run, which may mark removals). */
  suburbIds: z.array(z.string().regex(/^\d{1,10}$/, "a suburb id is the site's number")).min(1).optional(),
  concurrency: z.number().int().min(1).max(16).default(config.SCRAPE_CONCURRENCY),
  delayMs: z.number().int().min(0).max(60_000).default(config.SCRAPE_DELAY_MS),
  timeoutMs: z.number().int().min(1_000).max(600_000).default(config.SCRAPE_TIMEOUT_MS),
  retries: z.number().int().min(0).max(20).default(config.SCRAPE_RETRIES),
  userAgent: z.string().min(8).default(config.SCRAPE_USER_AGENT),
  details: z.boolean().default(false),
  /** How many property profile pages one run may fetch (new and changed properties first). */
  detailsBudget: z.number().int().min(0).max(1_000_000).default(1_000),
  dryRun: z.boolean().default(false),
  trigger: z.enum(RunTrigger).default("cli"),
  triggeredBy: z.string().max(200).optional(),
});

export type ScrapeOptionsInput = z.input<typeof scrapeOptionsSchema>;
export type ScrapeOptions = z.output<typeof scrapeOptionsSchema> & { baseUrl: string };

export function resolveScrapeOptions(input: ScrapeOptionsInput): ScrapeOptions {
  const parsed = scrapeOptionsSchema.parse(input);
  const baseUrl = parsed.baseUrl ?? config.VALUATION_BASE_URL ?? LIVE_SITE_URLS[parsed.roll];
  return { ...parsed, baseUrl: baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/` };
}
