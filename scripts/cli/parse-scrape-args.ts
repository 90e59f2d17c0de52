import { parseArgs } from "node:util";
import { z } from "zod";
import { configDeprecations } from "@/lib/config";
import { rollForFlag, type RollRegistry } from "@/lib/rolls/roll-registry";
import { NoBaseUrlError, resolveScrapeOptions, type ScrapeOptions } from "@/lib/scraper/scrape-options";

// `npm run scrape -- …`: flags → validated scrape options. Pure, so every bad flag is tested.

export const USAGE = `Usage: npm run scrape -- [options]

Scrapes the valuation roll into the database (DATABASE_URL, or the embedded PostgreSQL).

Options (each also read from the environment variable shown):
  --base-url <url>       site to scrape (VALUATION_BASE_URL; default: the roll's base URL in the registry)
  --roll <roll>          a roll of the registry, e.g. gv2022 (default: DEFAULT_ROLL, else the newest
                         roll with a complete scrape)
  --title <type>         full | sectional; repeat for both (default: both)
  --suburb <id>          only this site suburb id; repeatable (default: every suburb, which lets the
                         run mark properties that left the roll as removed)
  --concurrency <n>      requests in flight, 1–16 (SCRAPE_CONCURRENCY; default 2)
  --delay-ms <ms>        pause between requests, jittered ±50 % (SCRAPE_DELAY_MS; default 500)
  --first-byte-timeout-ms <ms>  wait this long for an answer to start; results pages are built whole
                         first and the site's database gives up at ~30 s (SCRAPE_FIRST_BYTE_TIMEOUT_MS;
                         default 120000)
  --stall-timeout-ms <ms>  give up on an answer when no bytes arrive for this long
                         (SCRAPE_STALL_TIMEOUT_MS; default 60000)
  --timeout-ms <ms>      deprecated: the old name of --first-byte-timeout-ms (SCRAPE_TIMEOUT_MS)
  --max-response-mb <n>  refuse an answer bigger than this (SCRAPE_MAX_RESPONSE_MB; default 64)
  --retries <n>          quick retries of one request for a hiccup, honouring Retry-After
                         (SCRAPE_RETRIES; default 4)
  --outage-failures <n>  failed requests in a row after which one probe asks whether the site is down;
                         if so the whole run pauses (SCRAPE_OUTAGE_FAILURES; default 5)
  --outage-backoff-ms <ms>      first pause, doubled after each failed probe (SCRAPE_OUTAGE_BACKOFF_MS;
                         default 60000)
  --outage-max-backoff-ms <ms>  longest pause (SCRAPE_OUTAGE_MAX_BACKOFF_MS; default 600000)
  --outage-patience-ms <ms>     longest outage to wait out before the run fails, resumable
                         (SCRAPE_OUTAGE_PATIENCE_MS; default 7200000)
  --details              also fetch property profile pages (new and changed properties first)
  --details-budget <n>   at most this many profile pages per run (default 1000)
  --cross-check <when>   auto | always | never: read the whole roll again by volume and compare
                         (default auto: when no agreed cross-check is younger than --cross-check-days)
  --cross-check-days <n> how old the last agreed cross-check may be under auto (default 7)
  --empty-recheck-ms <ms> wait before a "No Match" suburb is read again (SCRAPE_EMPTY_RECHECK_MS; default 30000)
  --resume [runId]       finish an unfinished run (default: the latest one of the roll)
  --dry-run              fetch and parse, write nothing, print what would be stored
  --json                 structured JSON logs even on a terminal
  -h, --help             show this help

Exit codes: 0 every task succeeded · 1 the run failed or was cancelled · 2 bad flags or
environment · 3 another scrape of the roll is running.`;

export type CliCommand =
  | { kind: "help" }
  | { kind: "scrape"; options: ScrapeOptions; resume?: number | "latest"; json: boolean; warnings: string[] };

export class UsageError extends Error {
  override name = "UsageError";
}

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}"`);
  return Number(value);
}

// parseArgs has no optional values: a bare `--resume` means the latest unfinished run.
function withResumeDefault(argv: readonly string[]): string[] {
  return argv.map((arg, i) => (arg === "--resume" && (argv[i + 1] === undefined || argv[i + 1]!.startsWith("-")) ? "--resume=latest" : arg));
}

/** `registry`: the roll registry (--roll must name one of its rolls; its base URL is the default site). */
export function parseCliArgs(argv: readonly string[], registry: RollRegistry): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: withResumeDefault(argv),
      strict: true,
      allowPositionals: false,
      options: {
        "base-url": { type: "string" },
        roll: { type: "string" },
        title: { type: "string", multiple: true },
        suburb: { type: "string", multiple: true },
        concurrency: { type: "string" },
        "delay-ms": { type: "string" },
        "first-byte-timeout-ms": { type: "string" },
        "stall-timeout-ms": { type: "string" },
        "timeout-ms": { type: "string" },
        "max-response-mb": { type: "string" },
        retries: { type: "string" },
        "outage-failures": { type: "string" },
        "outage-backoff-ms": { type: "string" },
        "outage-max-backoff-ms": { type: "string" },
        "outage-patience-ms": { type: "string" },
        details: { type: "boolean" },
        "details-budget": { type: "string" },
        "cross-check": { type: "string" },
        "cross-check-days": { type: "string" },
        "empty-recheck-ms": { type: "string" },
        resume: { type: "string" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { kind: "help" };

  let resume: number | "latest" | undefined;
  if (values.resume !== undefined) resume = values.resume === "latest" ? "latest" : whole("--resume", values.resume);

  const roll = rollForFlag(registry, values.roll);
  if (!roll.ok) throw new UsageError(`--roll: ${roll.message}`);
  try {
    const options = resolveScrapeOptions({
      baseUrl: values["base-url"],
      roll: roll.roll.id,
      titleTypes: values.title ? [...new Set(values.title)] as ScrapeOptions["titleTypes"] : undefined,
      suburbIds: values.suburb,
      concurrency: whole("--concurrency", values.concurrency),
      delayMs: whole("--delay-ms", values["delay-ms"]),
      firstByteTimeoutMs: whole("--first-byte-timeout-ms", values["first-byte-timeout-ms"]) ?? whole("--timeout-ms", values["timeout-ms"]),
      stallTimeoutMs: whole("--stall-timeout-ms", values["stall-timeout-ms"]),
      maxResponseMb: whole("--max-response-mb", values["max-response-mb"]),
      retries: whole("--retries", values.retries),
      outageFailures: whole("--outage-failures", values["outage-failures"]),
      outageBackoffMs: whole("--outage-backoff-ms", values["outage-backoff-ms"]),
      outageMaxBackoffMs: whole("--outage-max-backoff-ms", values["outage-max-backoff-ms"]),
      outagePatienceMs: whole("--outage-patience-ms", values["outage-patience-ms"]),
      details: values.details ?? false,
      detailsBudget: whole("--details-budget", values["details-budget"]),
      crossCheck: values["cross-check"] as ScrapeOptions["crossCheck"] | undefined,
      crossCheckDays: whole("--cross-check-days", values["cross-check-days"]),
      emptyRecheckMs: whole("--empty-recheck-ms", values["empty-recheck-ms"]),
      dryRun: values["dry-run"] ?? false,
      trigger: "cli",
    }, roll.roll.baseUrl);
    const warnings = configDeprecations();
    if (values["timeout-ms"] !== undefined) {
      if (values["first-byte-timeout-ms"] !== undefined) throw new UsageError("--timeout-ms is the old name of --first-byte-timeout-ms; give only --first-byte-timeout-ms");
      warnings.push("--timeout-ms is deprecated: it now sets the first-byte limit; use --first-byte-timeout-ms (and see --stall-timeout-ms)");
    }
    return { kind: "scrape", options, resume, json: values.json ?? false, warnings };
  } catch (error) {
    if (error instanceof z.ZodError) throw new UsageError(describeIssues(error));
    if (error instanceof NoBaseUrlError) throw new UsageError(error.message);
    throw error;
  }
}

const FLAG_NAMES: Record<string, string> = {
  baseUrl: "--base-url",
  roll: "--roll",
  titleTypes: "--title",
  suburbIds: "--suburb",
  concurrency: "--concurrency",
  delayMs: "--delay-ms",
  firstByteTimeoutMs: "--first-byte-timeout-ms",
  stallTimeoutMs: "--stall-timeout-ms",
  maxResponseMb: "--max-response-mb",
  retries: "--retries",
  outageFailures: "--outage-failures",
  outageBackoffMs: "--outage-backoff-ms",
  outageMaxBackoffMs: "--outage-max-backoff-ms",
  outagePatienceMs: "--outage-patience-ms",
  detailsBudget: "--details-budget",
  crossCheck: "--cross-check",
  crossCheckDays: "--cross-check-days",
  emptyRecheckMs: "--empty-recheck-ms",
};

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${FLAG_NAMES[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`).join("; ");
}
