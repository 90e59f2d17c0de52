import { parseArgs } from "node:util";
import { z } from "zod";
import { config } from "@/lib/config";
import { probeOptionsFor } from "@/lib/probe/probe-options";
import type { ProbeOptions } from "@/lib/probe/run-probe";
import type { RollId } from "@/lib/rolls/roll-id";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { rollForFlag, type RollRegistry } from "@/lib/rolls/roll-registry";

// `npm run probe-site -- …`: flags → probe options. Pure apart from the configuration it defaults
// from, so every bad flag is tested.

/** Each page gets this long for its first byte: longer than the site's own 30 s database timeout. */
export const PROBE_TIMEOUT_MS = 45_000;

export const PROBE_USAGE = `Usage: npm run probe-site -- [options]

Makes a handful of polite requests to the valuation-roll site (one at a time, with a pause between
them) and reports whether it can be scraped now: reachable, redirects, TLS, status and time to first
byte per page, charset, suburbs and schemes, one small suburb parsed (All=false and All=true), one
volume's size, one details page. Prints a summary; stores the report in the database (site_probes).

Options:
  --roll <roll>          a roll of the registry, e.g. gv2022 (default: DEFAULT_ROLL, else the newest
                         roll with a complete scrape); without a database, any roll id with --base-url
  --base-url <url>       site to probe (VALUATION_BASE_URL; default: the roll's base URL in the registry)
  --out <file>           also write the report as JSON to this file
  --json                 print the JSON report instead of the summary
  --timeout-ms <ms>      limit for each page's first byte and for a stalled body (default ${PROBE_TIMEOUT_MS})
  --delay-ms <ms>        pause between requests, jittered ±50 % (SCRAPE_DELAY_MS; default ${config.SCRAPE_DELAY_MS})
  --no-store             do not store the report in the database
  -h, --help             show this help

Exit codes: 0 the site can be scraped (verdict ok, or degraded with the problems listed) · 1 the
site is down or broken (the summary says why) · 2 bad flags or environment.`;

export type ProbeCommand =
  | { kind: "help" }
  | { kind: "probe"; options: ProbeOptions; out: string | null; json: boolean; store: boolean };

export class ProbeUsageError extends Error {
  override name = "ProbeUsageError";
}

const flagsSchema = z.object({
  roll: rollIdSchema.optional(),
  baseUrl: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  timeoutMs: z.number().int().min(1_000, "must be at least 1000").max(600_000, "must be at most 600000").default(PROBE_TIMEOUT_MS),
  delayMs: z.number().int().min(0).max(60_000, "must be at most 60000").default(config.SCRAPE_DELAY_MS),
});

const FLAG_NAMES: Record<string, string> = { roll: "--roll", baseUrl: "--base-url", timeoutMs: "--timeout-ms", delayMs: "--delay-ms" };

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new ProbeUsageError(`${flag} takes a whole number, got "${value}"`);
  return Number(value);
}

/** `registry`: the roll registry, or null without a database (then --roll and --base-url are needed). */
export function parseProbeArgs(argv: readonly string[], registry: RollRegistry | null): ProbeCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        roll: { type: "string" },
        "base-url": { type: "string" },
        out: { type: "string" },
        json: { type: "boolean" },
        "timeout-ms": { type: "string" },
        "delay-ms": { type: "string" },
        "no-store": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new ProbeUsageError((error as Error).message);
  }
  if (values.help) return { kind: "help" };
  if (values.out !== undefined && values.out.trim() === "") throw new ProbeUsageError("--out takes a file name");

  const parsed = flagsSchema.safeParse({
    roll: values.roll,
    baseUrl: values["base-url"],
    timeoutMs: whole("--timeout-ms", values["timeout-ms"]),
    delayMs: whole("--delay-ms", values["delay-ms"]),
  });
  if (!parsed.success) {
    throw new ProbeUsageError(parsed.error.issues.map((issue) => `${FLAG_NAMES[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`).join("; "));
  }
  const { timeoutMs, delayMs } = parsed.data;
  const site = probedSite(registry, parsed.data.roll, parsed.data.baseUrl ?? config.VALUATION_BASE_URL);
  return {
    kind: "probe",
    options: probeOptionsFor({ ...site, timeoutMs, delayMs }),
    out: values.out ?? null,
    json: values.json ?? false,
    store: !(values["no-store"] ?? false),
  };
}

/** The roll and the site to probe: --base-url (or VALUATION_BASE_URL), else the roll's in the registry. */
function probedSite(registry: RollRegistry | null, roll: RollId | undefined, baseUrl: string | undefined): { roll: RollId; baseUrl: string } {
  if (registry === null) {
    if (roll === undefined || baseUrl === undefined) throw new ProbeUsageError("without a database (DATABASE_URL) give both --roll and --base-url");
    return { roll, baseUrl };
  }
  const found = rollForFlag(registry, roll);
  if (!found.ok) throw new ProbeUsageError(`--roll: ${found.message}`);
  const site = baseUrl ?? found.roll.baseUrl;
  if (site === null) throw new ProbeUsageError(`--base-url: ${found.roll.id} has no base URL in the roll registry; give one (or set it in /admin)`);
  return { roll: found.roll.id, baseUrl: site };
}
