import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SCRAPE_CONCURRENCY).toBe(2);
    expect(config.SCRAPE_DELAY_MS).toBe(500);
    expect(config.SCRAPE_TIMEOUT_MS).toBe(30_000);
    expect(config.OWNER_NAMES).toBe("property");
    expect(config.SEARCH_ENGINE_INDEXING).toBe(false);
    expect(config.OWNER_HISTORY_DAYS).toBe(365);
    expect(config.DEFAULT_ROLL).toBe("gv2022");
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
    expect(() =>
      parseConfig({ SCRAPE_CONCURRENCY: "lots", DATABASE_URL: "mysql://x", OWNER_NAMES: "yes" }),
    ).toThrowError(ConfigError);
    try {
      parseConfig({ SCRAPE_CONCURRENCY: "lots", DATABASE_URL: "mysql://x", OWNER_NAMES: "yes" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('SCRAPE_CONCURRENCY="lots"');
      expect(message).toContain('DATABASE_URL="mysql://x"');
      expect(message).toContain('OWNER_NAMES="yes": must be property, hidden or full');
    }
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
