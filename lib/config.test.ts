import { describe, expect, it } from "vitest";
import { ConfigError, configDeprecations, parseConfig } from "./config";

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
    expect(config.OWNER_SEARCH).toBe(false);
    expect(config.DEFAULT_ROLL).toBe("gv2022");
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", SCRAPE_CONCURRENCY: "" }).SCRAPE_CONCURRENCY).toBe(2);
  });

  it("coerces numbers and flags", () => {
    const config = parseConfig({ SCRAPE_CONCURRENCY: "4", OWNER_SEARCH: "true" });
    expect(config.SCRAPE_CONCURRENCY).toBe(4);
    expect(config.OWNER_SEARCH).toBe(true);
  });

  it("names every bad variable and its value in one message", () => {
    expect(() =>
      parseConfig({ SCRAPE_CONCURRENCY: "lots", DATABASE_URL: "mysql://x", OWNER_SEARCH: "yes" }),
    ).toThrowError(ConfigError);
    try {
      parseConfig({ SCRAPE_CONCURRENCY: "lots", DATABASE_URL: "mysql://x", OWNER_SEARCH: "yes" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('SCRAPE_CONCURRENCY="lots"');
      expect(message).toContain('DATABASE_URL="mysql://x"');
      expect(message).toContain('OWNER_SEARCH="yes"');
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
    try {
      parseConfig({ DATABASE_URL: "mysql://admin:hunter2@db/x" });
    } catch (error) {
      expect((error as Error).message).toContain('DATABASE_URL="mysql://admin:***@db/x"');
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});
