import { Cron } from "croner";
import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { SITE_TIME_ZONE } from "@/lib/format/site-time-zone";

// Every environment variable the app reads, parsed once. The rest of the code imports `config`,
// never `process.env`. Empty strings count as unset (as in create-t3-app).

const whole = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};
const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

export const OWNER_NAMES_MODES = ["property", "hidden", "full"] as const;
export type OwnerNamesMode = (typeof OWNER_NAMES_MODES)[number];

function isCronPattern(value: string): boolean {
  if (!/^(\S+\s+){4,5}\S+$/.test(value.trim())) return false;
  try {
    new Cron(value, { paused: true });
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: whole(1, 100).default(10),
  // How long a query may wait for a pooled connection (or a new one) before it fails (the request
  // answers 500 at once rather than hanging).
  DATABASE_CONNECTION_TIMEOUT_MS: whole(100, 600_000).default(5_000),
  // statement_timeout of the web role's queries (pages, API reads, admin); exports, the worker and
  // the CLI are not bound by it. 0 turns it off.
  DATABASE_STATEMENT_TIMEOUT_MS: whole(0, 3_600_000).default(30_000),
  // A session left idle inside a transaction this long is ended by PostgreSQL (0: off).
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: whole(0, 3_600_000).default(60_000),
  // Exports (CSV/NDJSON) per web process run on their own pool of this many connections; a client
  // may hold EXPORT_MAX_PER_CLIENT of them. Beyond either: 503 / 429 with Retry-After.
  EXPORT_MAX_CONCURRENT: whole(1, 100).default(4),
  EXPORT_MAX_PER_CLIENT: whole(1, 100).default(2),
  // An export whose client reads nothing for this long is ended and its connection released.
  EXPORT_STALL_TIMEOUT_SECONDS: whole(1, 3_600).default(30),
  EMBEDDED_DATABASE_DIR: z.string().default(".data/postgres"),
  EMBEDDED_DATABASE_PORT: whole(1024, 65535).default(54329),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // The roll pages and the API show when none is asked for; unset: the newest roll of the registry
  // (table rolls) with a complete scrape. Checked against the registry when first used.
  DEFAULT_ROLL: rollIdSchema.optional(),
  VALUATION_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SCRAPE_CONCURRENCY: whole(1, 16).default(2),
  SCRAPE_DELAY_MS: whole(0, 60_000).default(500),
  // Results pages are built whole before their first byte, and the site's database gives up at
  // ~30 s: the first-byte limit must be well above that. A body that stops arriving is another limit.
  SCRAPE_FIRST_BYTE_TIMEOUT_MS: whole(1_000, 3_600_000).optional(),
  // Deprecated: the old single per-request timeout, now read as SCRAPE_FIRST_BYTE_TIMEOUT_MS.
  SCRAPE_TIMEOUT_MS: whole(1_000, 3_600_000).optional(),
  SCRAPE_STALL_TIMEOUT_MS: whole(100, 600_000).default(60_000),
  SCRAPE_MAX_RESPONSE_MB: whole(1, 4_096).default(64),
  // The circuit breaker: after SCRAPE_OUTAGE_FAILURES failed requests in a row and a failed probe the
  // whole run pauses (SCRAPE_OUTAGE_BACKOFF_MS, doubling up to SCRAPE_OUTAGE_MAX_BACKOFF_MS) and
  // probes the site; an outage longer than SCRAPE_OUTAGE_PATIENCE_MS fails the run (resumable).
  SCRAPE_OUTAGE_FAILURES: whole(1, 1_000).default(5),
  SCRAPE_OUTAGE_BACKOFF_MS: whole(100, 3_600_000).default(60_000),
  SCRAPE_OUTAGE_MAX_BACKOFF_MS: whole(100, 3_600_000).default(600_000),
  SCRAPE_OUTAGE_PATIENCE_MS: whole(0, 604_800_000).default(7_200_000),
  SCRAPE_RETRIES: whole(0, 20).default(4),
  // A suburb that answers "No Match" is read again this long after, before it is believed.
  SCRAPE_EMPTY_RECHECK_MS: whole(0, 3_600_000).default(30_000),
  SCRAPE_USER_AGENT: z
    .string()
    .min(8)
    .default("DurbanValuationRollExplorer/0.1 (open-data mirror of the eThekwini valuation roll; polite scraper)"),
  // Owner names (personal data, POPIA): `property` shows them only on a property's own page and
  // detail resource, as the official site does; `hidden` never; `full` also in lists, exports,
  // sort and search (the municipality's own deployment). OWNER_SEARCH was replaced by it.
  OWNER_NAMES: z.enum(OWNER_NAMES_MODES, { error: "must be property, hidden or full" }).default("property"),
  OWNER_SEARCH: z
    .never({ error: "was replaced by OWNER_NAMES: remove it, and set OWNER_NAMES=full for owner search (the old OWNER_SEARCH=true)" })
    .optional(),
  // Under OWNER_NAMES=full: how long an owner change keeps the names in the history (days); older
  // records keep only "owner changed".
  OWNER_HISTORY_DAYS: whole(0, 36_500).default(365),
  // Let search engines index property pages (robots.txt, noindex). Off: names stay out of search engines.
  SEARCH_ENGINE_INDEXING: flag.default(false),
  // Public API: requests per client IP per minute (a token bucket); an export costs
  // RATE_LIMIT_PER_MINUTE / RATE_LIMIT_EXPORTS_PER_MINUTE tokens.
  RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000).default(600),
  RATE_LIMIT_EXPORTS_PER_MINUTE: whole(1, 1_000_000).default(10),
  // Signs the API's pagination cursors. Set it in production (every web instance the same) so a
  // cursor issued by one instance is accepted by the others and survives restarts.
  CURSOR_SECRET: z.string().min(16).default("durban-valuation-roll-explorer-cursor-key"),
  // Admin area (off unless ADMIN_PASSWORD + SESSION_SECRET or ADMIN_TOKEN are set). ADMIN_PASSWORD is
  // either the password itself (12+ characters) or its hash from `npx tsx scripts/hash-password.ts`:
  // scrypt:<N>:<r>:<p>:<salt>:<hash> (salt and hash base64url).
  ADMIN_PASSWORD: z
    .string()
    .refine(
      (value) => (value.startsWith("scrypt:") ? /^scrypt:\d+:\d+:\d+:[A-Za-z0-9_-]{16,}:[A-Za-z0-9_-]{32,}$/.test(value) : value.length >= 12),
      "must be a password of 12 or more characters, or scrypt:<N>:<r>:<p>:<salt>:<hash> from scripts/hash-password.ts",
    )
    .optional(),
  // Signs the admin session cookie; every web instance the same. Changing it signs everyone out.
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // API automation: `Authorization: Bearer <ADMIN_TOKEN>`.
  ADMIN_TOKEN: z.string().min(12, "must be at least 12 characters").optional(),
  // A session ends ADMIN_SESSION_HOURS after sign-in, or after ADMIN_SESSION_IDLE_MINUTES without a
  // request, whichever comes first.
  ADMIN_SESSION_HOURS: whole(1, 720).default(8),
  ADMIN_SESSION_IDLE_MINUTES: whole(1, 43_200).default(60),
  // Failed sign-ins per client before it is locked out for ADMIN_LOCKOUT_MINUTES; from the third
  // failure on, each answer is slowed down.
  ADMIN_SIGN_IN_MAX_FAILURES: whole(1, 100).default(5),
  ADMIN_LOCKOUT_MINUTES: whole(1, 1_440).default(15),
  // Origins besides the request's own host that may send state-changing admin requests (comma
  // separated), for a proxy that rewrites Host. Usually unset.
  ADMIN_ALLOWED_ORIGINS: z
    .string()
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin)))
    .default([]),
  // When the nightly scrape is meant to run (cron syntax, in SCRAPE_SCHEDULE_TIMEZONE); the admin
  // page's freshness check measures the data against it.
  SCRAPE_SCHEDULE: z
    .string()
    .refine(isCronPattern, "must be a cron expression such as \"0 2 * * *\"")
    .default("0 2 * * *"),
  SCRAPE_SCHEDULE_TIMEZONE: z.string().refine(isTimeZone, "must be an IANA time zone such as Africa/Johannesburg").default(SITE_TIME_ZONE),
  // Data older than this (since the last successful whole-roll scrape of each active roll) is stale:
  // /api/ready answers 503 and the scheduler sends a stale-data alert. 36 h tolerates a slow night,
  // not a missed one.
  FRESHNESS_HOURS: whole(1, 8_760).default(36),
  // Slack-compatible incoming webhook for failed runs, anomalies and stale data; unset: alerts are
  // only logged.
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  // The HTTP port: Next's server reads it itself; the cron role serves its own /api/health on it.
  PORT: whole(0, 65535).default(3000),
  // The worker (cron role) looks for queued admin runs this often, and beats its heartbeat as often.
  WORKER_POLL_SECONDS: whole(1, 300).default(3),
  // The site's public origin (https://valuations.example.org): every absolute link the API gives
  // (`next`, `Link`, OpenAPI `servers`) starts with it. Unset: taken from X-Forwarded-Proto and
  // X-Forwarded-Host when TRUSTED_PROXY_HOPS > 0, else links are relative.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) origin such as https://valuations.example.org" })
    .refine((value) => new URL(value).pathname === "/" && !new URL(value).search, "must be an origin only, with no path or query")
    .transform((value) => new URL(value).origin)
    .optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-For (and may be believed
  // about X-Forwarded-Proto/Host). 0: the client is the socket's peer and forwarded headers are ignored.
  TRUSTED_PROXY_HOPS: whole(0, 10).default(0),
  // Strict-Transport-Security max-age in seconds, sent on answers served over HTTPS; 0: no header.
  HSTS_MAX_AGE: whole(0, 63_072_000).default(31_536_000),
  // Audit log entries older than this many days are deleted (on each write, at most once an hour).
  AUDIT_LOG_RETENTION_DAYS: whole(1, 36_500).default(365),
});

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 120_000;

export type Config = Omit<z.infer<typeof envSchema>, "SCRAPE_FIRST_BYTE_TIMEOUT_MS"> & { SCRAPE_FIRST_BYTE_TIMEOUT_MS: number };

export class ConfigError extends Error {
  override name = "ConfigError";
}

// Secrets never reach a log, even when they are wrong.
function shown(name: string, value: string): string {
  if (/PASSWORD|SECRET|TOKEN/.test(name)) return `(${value.length} characters, hidden)`;
  return JSON.stringify(value.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"));
}

// Defaults that are fine on a laptop and unsafe for the web server in production: with
// NODE_ENV=production each must be set. Checked when the web server starts (instrumentation.ts),
// not here for every process: the migrate and cron roles need none of them, and `next build` also
// runs with NODE_ENV=production, without secrets.
export function productionProblems(config: Config, env: Record<string, string | undefined>): string[] {
  if (config.NODE_ENV !== "production" || env.NEXT_PHASE === "phase-production-build") return [];
  const problems: string[] = [];
  if (!env.CURSOR_SECRET) problems.push("CURSOR_SECRET is required in production (a random string of 16+ characters, the same on every instance)");
  if (config.ADMIN_PASSWORD !== undefined && !config.ADMIN_PASSWORD.startsWith("scrypt:")) {
    problems.push(`ADMIN_PASSWORD=${shown("ADMIN_PASSWORD", config.ADMIN_PASSWORD)}: must be a scrypt: hash in production (npx tsx scripts/hash-password.ts)`);
  }
  if (config.ADMIN_PASSWORD !== undefined && config.SESSION_SECRET === undefined) {
    problems.push("SESSION_SECRET is required in production when ADMIN_PASSWORD is set (a random string of 32+ characters)");
  }
  return problems;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${shown(name, cleaned[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
  }
  const { SCRAPE_FIRST_BYTE_TIMEOUT_MS: firstByte, SCRAPE_TIMEOUT_MS: legacy } = result.data;
  if (firstByte !== undefined && legacy !== undefined && firstByte !== legacy) {
    throw new ConfigError(
      `Invalid environment: SCRAPE_TIMEOUT_MS=${legacy} is the old name of SCRAPE_FIRST_BYTE_TIMEOUT_MS=${firstByte}; set only SCRAPE_FIRST_BYTE_TIMEOUT_MS`,
    );
  }
  if (result.data.SCRAPE_OUTAGE_MAX_BACKOFF_MS < result.data.SCRAPE_OUTAGE_BACKOFF_MS) {
    throw new ConfigError(
      `Invalid environment: SCRAPE_OUTAGE_MAX_BACKOFF_MS=${result.data.SCRAPE_OUTAGE_MAX_BACKOFF_MS} is below SCRAPE_OUTAGE_BACKOFF_MS=${result.data.SCRAPE_OUTAGE_BACKOFF_MS}`,
    );
  }
  return { ...result.data, SCRAPE_FIRST_BYTE_TIMEOUT_MS: firstByte ?? legacy ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS };
}

// A bad value stops start-up with one line naming it, not a stack trace from wherever it was read.
function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

export const config: Config = loadConfig();

/** For the web server's start: stops it with one line naming each unsafe production setting. */
export function refuseUnsafeProduction(env: Record<string, string | undefined> = process.env): void {
  const unsafe = productionProblems(config, env);
  if (unsafe.length === 0) return;
  process.stderr.write(`Unsafe environment: ${unsafe.join("; ")}\n`);
  process.exit(2);
}

/** Settings that still work but should be renamed: said once by the commands that read them. */
export function configDeprecations(value: Config = config): string[] {
  return value.SCRAPE_TIMEOUT_MS === undefined
    ? []
    : ["SCRAPE_TIMEOUT_MS is deprecated: it now sets the first-byte limit; rename it SCRAPE_FIRST_BYTE_TIMEOUT_MS (and see SCRAPE_STALL_TIMEOUT_MS)"];
}
