import { z } from "zod";
import { config } from "@/lib/config";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { RunTrigger, TitleType } from "@/lib/generated/prisma/enums";

// What a scrape is asked to do. The CLI flags, the admin API and the scheduler all parse into this
// one schema; a run stores it so that a resume does exactly the same work.

export const scrapeOptionsSchema = z.object({
  /** A roll of the registry (scrapeOptionsForRoll checks it and finds its site). */
  roll: rollIdSchema,
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  titleTypes: z.array(z.enum(TitleType)).min(1).default(["full", "sectional"]),
  /** Site suburb ids; omitted: every suburb on the site (a whole-roll run, which may mark removals). */
  suburbIds: z.array(z.string().regex(/^\d{1,10}$/, "a suburb id is the site's number")).min(1).optional(),
  concurrency: z.number().int().min(1).max(16).default(config.SCRAPE_CONCURRENCY),
  delayMs: z.number().int().min(0).max(60_000).default(config.SCRAPE_DELAY_MS),
  firstByteTimeoutMs: z.number().int().min(1_000).max(3_600_000).default(config.SCRAPE_FIRST_BYTE_TIMEOUT_MS),
  /** Deprecated: the old single timeout, read as `firstByteTimeoutMs` when that is not given. */
  timeoutMs: z.number().int().min(1_000).max(3_600_000).optional(),
  stallTimeoutMs: z.number().int().min(100).max(600_000).default(config.SCRAPE_STALL_TIMEOUT_MS),
  maxResponseMb: z.number().int().min(1).max(4_096).default(config.SCRAPE_MAX_RESPONSE_MB),
  retries: z.number().int().min(0).max(20).default(config.SCRAPE_RETRIES),
  outageFailures: z.number().int().min(1).max(1_000).default(config.SCRAPE_OUTAGE_FAILURES),
  outageBackoffMs: z.number().int().min(100).max(3_600_000).default(config.SCRAPE_OUTAGE_BACKOFF_MS),
  outageMaxBackoffMs: z.number().int().min(100).max(3_600_000).default(config.SCRAPE_OUTAGE_MAX_BACKOFF_MS),
  outagePatienceMs: z.number().int().min(0).max(604_800_000).default(config.SCRAPE_OUTAGE_PATIENCE_MS),
  userAgent: z.string().min(8).default(config.SCRAPE_USER_AGENT),
  details: z.boolean().default(false),
  /** How many property profile pages one run may fetch (new and changed properties first). */
  detailsBudget: z.number().int().min(0).max(1_000_000).default(1_000),
  /** The whole-roll cross-check by volume: "auto" runs it when no agreed one is younger than crossCheckDays. */
  crossCheck: z.enum(["auto", "always", "never"]).default("auto"),
  crossCheckDays: z.number().int().min(1).max(365).default(7),
  /** Wait before a "No Match" suburb is read again (the site answers empty while its database is in trouble). */
  emptyRecheckMs: z.number().int().min(0).max(3_600_000).default(config.SCRAPE_EMPTY_RECHECK_MS),
  dryRun: z.boolean().default(false),
  trigger: z.enum(RunTrigger).default("cli"),
  triggeredBy: z.string().max(200).optional(),
});

export type ScrapeOptionsInput = z.input<typeof scrapeOptionsSchema>;
export type ScrapeOptions = Omit<z.output<typeof scrapeOptionsSchema>, "timeoutMs"> & { baseUrl: string };

export class NoBaseUrlError extends Error {
  override name = "NoBaseUrlError";
}

/**
 * The options, with the site's address: `baseUrl` (--base-url), else VALUATION_BASE_URL, else the
 * roll's base URL in the registry (`registeredBaseUrl`; scrapeOptionsForRoll reads it).
 */
export function resolveScrapeOptions(input: ScrapeOptionsInput, registeredBaseUrl: string | null = null): ScrapeOptions {
  const { timeoutMs, ...parsed } = scrapeOptionsSchema
    .refine((o) => o.outageMaxBackoffMs >= o.outageBackoffMs, {
      message: "the longest pause cannot be shorter than the first one",
      path: ["outageMaxBackoffMs"],
    })
    .parse({ ...input, firstByteTimeoutMs: input.firstByteTimeoutMs ?? input.timeoutMs });
  const baseUrl = parsed.baseUrl ?? config.VALUATION_BASE_URL ?? registeredBaseUrl;
  if (baseUrl === null) {
    throw new NoBaseUrlError(`${parsed.roll} has no base URL in the roll registry: set one in /admin, or give --base-url (or VALUATION_BASE_URL)`);
  }
  return { ...parsed, baseUrl: baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/` };
}

/** How the site client should behave, from a run's options. */
export function siteClientSettings(options: ScrapeOptions) {
  return {
    concurrency: options.concurrency,
    delayMs: options.delayMs,
    firstByteTimeoutMs: options.firstByteTimeoutMs,
    stallTimeoutMs: options.stallTimeoutMs,
    maxResponseBytes: options.maxResponseMb * 1024 * 1024,
    retries: options.retries,
    userAgent: options.userAgent,
    breaker: {
      failureThreshold: options.outageFailures,
      backoffMs: options.outageBackoffMs,
      maxBackoffMs: options.outageMaxBackoffMs,
      patienceMs: options.outagePatienceMs,
    },
  };
}
