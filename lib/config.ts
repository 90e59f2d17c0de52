import { z } from "zod";

// Every environment variable the app reads, parsed once. The rest of the code imports `config`,
// never `process.env`. Empty strings count as unset (as in create-t3-app).

const whole = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};
const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

export const ROLLS = ["gv2022", "gv2017", "gv2012"] as const;
export type Roll = (typeof ROLLS)[number];

export const LIVE_SITE_URLS: Record<Roll, string> = {
  gv2022: "http://valuation2022.durban.gov.za/",
  gv2017: "http://valuation2017.durban.gov.za/",
  gv2012: "http://valuation2012.durban.gov.za/",
};

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: whole(1, 100).default(10),
  EMBEDDED_DATABASE_DIR: z.string().default(".data/postgres"),
  EMBEDDED_DATABASE_PORT: whole(1024, 65535).default(54329),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  DEFAULT_ROLL: z.enum(ROLLS).default("gv2022"),
  VALUATION_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SCRAPE_CONCURRENCY: whole(1, 16).default(2),
  SCRAPE_DELAY_MS: whole(0, 60_000).default(500),
  SCRAPE_TIMEOUT_MS: whole(1_000, 600_000).default(30_000),
  SCRAPE_RETRIES: whole(0, 20).default(4),
  SCRAPE_USER_AGENT: z
    .string()
    .min(8)
    .default("DurbanValuationRollExplorer/0.1 (open-data mirror of the eThekwini valuation roll; polite scraper)"),
  OWNER_SEARCH: flag.default(false),
  // Public API: requests per client IP per minute (a token bucket); an export costs
  // RATE_LIMIT_PER_MINUTE / RATE_LIMIT_EXPORTS_PER_MINUTE tokens.
  RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000).default(600),
  RATE_LIMIT_EXPORTS_PER_MINUTE: whole(1, 1_000_000).default(10),
  // Signs the API's pagination cursors. Set it in production (every web instance the same) so a
  // cursor issued by one instance is accepted by the others and survives restarts.
  CURSOR_SECRET: z.string().min(16).default("durban-valuation-roll-explorer-cursor-key"),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(cleaned[name] ?? "")}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
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
