import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configDeprecations, parseConfig, productionProblems } from "./config";

/** The ConfigError parseConfig throws for `env`; the test fails if it throws none. */
function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  return expect.fail(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe("parseConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SCRAPE_CONCURRENCY).toBe(2);
    expect(config.SCRAPE_DELAY_MS).toBe(500);
    expect(config.SCRAPE_TIMEOUT_MS).toBeUndefined();
    expect(config.SCRAPE_FIRST_BYTE_TIMEOUT_MS).toBe(120_000);
    expect(config.SCRAPE_STALL_TIMEOUT_MS).toBe(60_000);
    expect(config.SCRAPE_MAX_RESPONSE_MB).toBe(64);
    expect(config.SCRAPE_OUTAGE_FAILURES).toBe(5);
    expect(config.SCRAPE_OUTAGE_BACKOFF_MS).toBe(60_000);
    expect(config.SCRAPE_OUTAGE_MAX_BACKOFF_MS).toBe(600_000);
    expect(config.SCRAPE_OUTAGE_PATIENCE_MS).toBe(7_200_000);
    expect(config.OWNER_NAMES).toBe("property");
    expect(config.SEARCH_ENGINE_INDEXING).toBe(false);
    expect(config.OWNER_HISTORY_DAYS).toBe(365);
    // Unset: the newest roll of the registry with a complete scrape (lib/rolls).
    expect(config.DEFAULT_ROLL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", SCRAPE_CONCURRENCY: "" }).SCRAPE_CONCURRENCY).toBe(2);
  });

  it("coerces numbers and flags", () => {
    const config = parseConfig({ SCRAPE_CONCURRENCY: "4", SEARCH_ENGINE_INDEXING: "true", OWNER_NAMES: "full" });
    expect(config.SCRAPE_CONCURRENCY).toBe(4);
    expect(config.SEARCH_ENGINE_INDEXING).toBe(true);
    expect(config.OWNER_NAMES).toBe("full");
  });

  it("names every bad variable and its value in one message", () => {
    const { message } = configError({ SCRAPE_CONCURRENCY: "lots", DATABASE_URL: "mysql://x", OWNER_NAMES: "yes" });
    expect(message).toContain('SCRAPE_CONCURRENCY="lots"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('OWNER_NAMES="yes": must be property, hidden or full');
  });

  it("stops on the retired OWNER_SEARCH, saying what to set instead", () => {
    for (const value of ["true", "false"]) {
      expect(() => parseConfig({ OWNER_SEARCH: value })).toThrow(
        `OWNER_SEARCH="${value}": was replaced by OWNER_NAMES: remove it, and set OWNER_NAMES=full for owner search`,
      );
    }
  });

  it("rejects out-of-range values", () => {
    expect(() => parseConfig({ SCRAPE_CONCURRENCY: "0" })).toThrow(/SCRAPE_CONCURRENCY="0"/);
    expect(() => parseConfig({ EMBEDDED_DATABASE_PORT: "80" })).toThrow(/EMBEDDED_DATABASE_PORT/);
  });
});

describe("scrape time limits", () => {
  it("reads the deprecated SCRAPE_TIMEOUT_MS as the first-byte limit, and says so", () => {
    const legacy = parseConfig({ SCRAPE_TIMEOUT_MS: "45000" });
    expect(legacy.SCRAPE_FIRST_BYTE_TIMEOUT_MS).toBe(45_000);
    expect(configDeprecations(legacy)).toEqual([expect.stringContaining("rename it SCRAPE_FIRST_BYTE_TIMEOUT_MS")]);
    expect(configDeprecations(parseConfig({ SCRAPE_FIRST_BYTE_TIMEOUT_MS: "90000" }))).toEqual([]);
    expect(parseConfig({ SCRAPE_FIRST_BYTE_TIMEOUT_MS: "90000", SCRAPE_TIMEOUT_MS: "90000" }).SCRAPE_FIRST_BYTE_TIMEOUT_MS).toBe(90_000);
  });

  it("refuses two different values for the first-byte limit, and a backoff ceiling below the first backoff", () => {
    expect(() => parseConfig({ SCRAPE_FIRST_BYTE_TIMEOUT_MS: "90000", SCRAPE_TIMEOUT_MS: "30000" })).toThrow(/set only SCRAPE_FIRST_BYTE_TIMEOUT_MS/);
    expect(() => parseConfig({ SCRAPE_OUTAGE_BACKOFF_MS: "120000", SCRAPE_OUTAGE_MAX_BACKOFF_MS: "60000" })).toThrow(
      /SCRAPE_OUTAGE_MAX_BACKOFF_MS=60000 is below SCRAPE_OUTAGE_BACKOFF_MS=120000/,
    );
    expect(() => parseConfig({ SCRAPE_MAX_RESPONSE_MB: "0" })).toThrow(/SCRAPE_MAX_RESPONSE_MB="0"/);
  });
});

describe("public API settings", () => {
  it("has generous rate limits and a cursor key by default", () => {
    const config = parseConfig({});
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(config.RATE_LIMIT_EXPORTS_PER_MINUTE).toBe(10);
    expect(config.CURSOR_SECRET.length).toBeGreaterThanOrEqual(16);
  });

  it("reads the limits and the cursor key from the environment", () => {
    const config = parseConfig({ RATE_LIMIT_PER_MINUTE: "60", RATE_LIMIT_EXPORTS_PER_MINUTE: "2", CURSOR_SECRET: "a-long-enough-secret" });
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(60);
    expect(config.RATE_LIMIT_EXPORTS_PER_MINUTE).toBe(2);
    expect(config.CURSOR_SECRET).toBe("a-long-enough-secret");
  });

  it("rejects a zero limit and a short cursor key", () => {
    expect(() => parseConfig({ RATE_LIMIT_PER_MINUTE: "0" })).toThrow(/RATE_LIMIT_PER_MINUTE="0"/);
    expect(() => parseConfig({ CURSOR_SECRET: "short" })).toThrow(/CURSOR_SECRET/);
  });
});

describe("admin settings", () => {
  it("leaves the admin area off by default, with safe limits", () => {
    const config = parseConfig({});
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(config.SESSION_SECRET).toBeUndefined();
    expect(config.ADMIN_TOKEN).toBeUndefined();
    expect(config.ADMIN_SESSION_HOURS).toBe(8);
    expect(config.ADMIN_SIGN_IN_MAX_FAILURES).toBe(5);
    expect(config.ADMIN_LOCKOUT_MINUTES).toBe(15);
    expect(config.ADMIN_ALLOWED_ORIGINS).toEqual([]);
    expect(config.SCRAPE_SCHEDULE).toBe("0 2 * * *");
    expect(config.SCRAPE_SCHEDULE_TIMEZONE).toBe("Africa/Johannesburg");
  });

  it("accepts a plain password, a scrypt hash, a long session secret and a token", () => {
    const hash = `scrypt:16384:8:1:${"s".repeat(22)}:${"h".repeat(86)}`;
    expect(parseConfig({ ADMIN_PASSWORD: "correct horse battery" }).ADMIN_PASSWORD).toBe("correct horse battery");
    expect(parseConfig({ ADMIN_PASSWORD: hash }).ADMIN_PASSWORD).toBe(hash);
    const config = parseConfig({ SESSION_SECRET: "x".repeat(32), ADMIN_TOKEN: "a-token-of-some-length" });
    expect(config.SESSION_SECRET).toHaveLength(32);
    expect(config.ADMIN_TOKEN).toBe("a-token-of-some-length");
  });

  it("rejects a short password, a malformed hash, a short session secret and a short token", () => {
    expect(() => parseConfig({ ADMIN_PASSWORD: "short" })).toThrow(/ADMIN_PASSWORD/);
    expect(() => parseConfig({ ADMIN_PASSWORD: "scrypt:16384:8:1:abc" })).toThrow(/ADMIN_PASSWORD/);
    expect(() => parseConfig({ SESSION_SECRET: "x".repeat(31) })).toThrow(/SESSION_SECRET/);
    expect(() => parseConfig({ ADMIN_TOKEN: "tiny" })).toThrow(/ADMIN_TOKEN/);
  });

  it("reads allowed origins as a list of origins", () => {
    expect(parseConfig({ ADMIN_ALLOWED_ORIGINS: "https://admin.example.org/, http://localhost:3000" }).ADMIN_ALLOWED_ORIGINS).toEqual([
      "https://admin.example.org",
      "http://localhost:3000",
    ]);
    expect(() => parseConfig({ ADMIN_ALLOWED_ORIGINS: "not a url" })).toThrow(/ADMIN_ALLOWED_ORIGINS/);
  });

  it("checks the schedule and its time zone", () => {
    expect(parseConfig({ SCRAPE_SCHEDULE: "30 1 * * 1-5" }).SCRAPE_SCHEDULE).toBe("30 1 * * 1-5");
    expect(() => parseConfig({ SCRAPE_SCHEDULE: "nightly" })).toThrow(/SCRAPE_SCHEDULE/);
    expect(() => parseConfig({ SCRAPE_SCHEDULE: "61 2 * * *" })).toThrow(/SCRAPE_SCHEDULE="61 2 \* \* \*"/);
    expect(() => parseConfig({ SCRAPE_SCHEDULE_TIMEZONE: "Mars/Olympus" })).toThrow(/SCRAPE_SCHEDULE_TIMEZONE/);
  });
});

describe("deployment settings", () => {
  it("has a 36-hour freshness window, no alert webhook and port 3000 by default", () => {
    const config = parseConfig({});
    expect(config.FRESHNESS_HOURS).toBe(36);
    expect(config.ALERT_WEBHOOK_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it("reads them from the environment", () => {
    const config = parseConfig({ FRESHNESS_HOURS: "50", ALERT_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/X", PORT: "8080" });
    expect(config).toMatchObject({ FRESHNESS_HOURS: 50, ALERT_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/X", PORT: 8080 });
  });

  it("rejects a zero window, a webhook that is not http(s) and a port out of range", () => {
    expect(() => parseConfig({ FRESHNESS_HOURS: "0" })).toThrow(/FRESHNESS_HOURS="0"/);
    expect(() => parseConfig({ ALERT_WEBHOOK_URL: "ftp://example.org/hook" })).toThrow(/ALERT_WEBHOOK_URL/);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("never prints a secret or a password inside a URL", () => {
    expect(() => parseConfig({ SESSION_SECRET: "short-secret", DATABASE_URL: "mysql://admin:hunter2@db/x" })).toThrow(
      'SESSION_SECRET=(12 characters, hidden)',
    );
    const { message } = configError({ DATABASE_URL: "mysql://admin:hunter2@db/x" });
    expect(message).toContain('DATABASE_URL="mysql://admin:***@db/x"');
    expect(message).not.toContain("hunter2");
  });
});

describe("proxy and public URL settings", () => {
  it("believes no proxy, builds relative links, sends HSTS for a year and keeps the audit log a year by default", () => {
    const config = parseConfig({});
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.TRUSTED_PROXY_HOPS).toBe(0);
    expect(config.HSTS_MAX_AGE).toBe(31_536_000);
    expect(config.AUDIT_LOG_RETENTION_DAYS).toBe(365);
  });

  it("reads them, keeping only the origin of PUBLIC_URL", () => {
    const config = parseConfig({ PUBLIC_URL: "https://Valuations.Example.org/", TRUSTED_PROXY_HOPS: "2", HSTS_MAX_AGE: "0", AUDIT_LOG_RETENTION_DAYS: "30" });
    expect(config).toMatchObject({ PUBLIC_URL: "https://valuations.example.org", TRUSTED_PROXY_HOPS: 2, HSTS_MAX_AGE: 0, AUDIT_LOG_RETENTION_DAYS: 30 });
  });

  it("rejects a PUBLIC_URL with a path or another scheme, and negative hops", () => {
    expect(() => parseConfig({ PUBLIC_URL: "https://example.org/app" })).toThrow(/PUBLIC_URL="https:\/\/example.org\/app": must be an origin only/);
    expect(() => parseConfig({ PUBLIC_URL: "ftp://example.org" })).toThrow(/PUBLIC_URL/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS="-1"/);
  });
});

describe("production refuses unsafe settings (the web server's start)", () => {
  const hash = "scrypt:16384:8:1:c2FsdHNhbHRzYWx0c2FsdA:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
  const production: Record<string, string | undefined> = { NODE_ENV: "production", CURSOR_SECRET: "a-long-enough-secret", ADMIN_PASSWORD: hash, SESSION_SECRET: "s".repeat(32) };
  const problems = (env: Record<string, string | undefined>) => productionProblems(parseConfig(env), env);

  it("accepts a complete production environment, with or without the admin area", () => {
    expect(problems(production)).toEqual([]);
    expect(problems({ ...production, ADMIN_PASSWORD: undefined, SESSION_SECRET: undefined })).toEqual([]);
  });

  it("requires CURSOR_SECRET", () => {
    expect(problems({ ...production, CURSOR_SECRET: "" })).toEqual([expect.stringMatching(/^CURSOR_SECRET is required in production/)]);
  });

  it("requires ADMIN_PASSWORD to be a scrypt hash, without printing it", () => {
    expect(problems({ ...production, ADMIN_PASSWORD: "plain-text-password" })).toEqual([
      "ADMIN_PASSWORD=(19 characters, hidden): must be a scrypt: hash in production (npx tsx scripts/hash-password.ts)",
    ]);
  });

  it("requires SESSION_SECRET when ADMIN_PASSWORD is set", () => {
    expect(problems({ ...production, SESSION_SECRET: undefined })).toEqual([expect.stringMatching(/^SESSION_SECRET is required in production when ADMIN_PASSWORD is set/)]);
  });

  it("lets next build (NODE_ENV=production, no secrets) through, and development keep its defaults", () => {
    expect(problems({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toEqual([]);
    expect(problems({ ADMIN_PASSWORD: "plain-text-password" })).toEqual([]);
  });

  it("stops the web server's start (instrumentation.ts) with one line naming the variables", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--eval", 'await (await import("./instrumentation.ts")).register()'], {
      cwd: path.join(import.meta.dirname, ".."),
      env: { PATH: process.env.PATH, NEXT_RUNTIME: "nodejs", NODE_ENV: "production", ADMIN_PASSWORD: "plain-text-password", SESSION_SECRET: "s".repeat(32) },
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      "Unsafe environment: CURSOR_SECRET is required in production (a random string of 16+ characters, the same on every instance); ADMIN_PASSWORD=(19 characters, hidden): must be a scrypt: hash in production (npx tsx scripts/hash-password.ts)",
    ]);
  });
});
