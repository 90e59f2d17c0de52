import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SCRAPE_CONCURRENCY).toBe(2);
    expect(config.SCRAPE_DELAY_MS).toBe(500);
    expect(config.SCRAPE_TIMEOUT_MS).toBe(30_000);
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
