import { describe, expect, it } from "vitest";
import { BenchUsageError, benchUsage, parseBenchArgs } from "./bench-args";

const DEFAULTS = { scales: [10_000], runs: 3 };

describe("parseBenchArgs", () => {
  it("reads scales, runs, seed and the switches, with the bench's defaults", () => {
    expect(parseBenchArgs([], DEFAULTS)).toEqual({ scales: [10_000], runs: 3, wait: true, seed: 7, write: true });
    expect(parseBenchArgs(["--rows", "10k,1.5m", "--runs", "1", "--seed", "9", "--no-wait", "--dry"], DEFAULTS)).toEqual({
      scales: [10_000, 1_500_000],
      runs: 1,
      wait: false,
      seed: 9,
      write: false,
    });
  });

  it("says what is wrong with a bad flag", () => {
    expect(() => parseBenchArgs(["--rowz", "10k"], DEFAULTS)).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(["--rows", "lots"], DEFAULTS)).toThrow('--rows takes numbers like 10k,100k,1m, got "lots"');
    expect(() => parseBenchArgs(["--runs", "0"], DEFAULTS)).toThrow('--runs must be a whole number ≥ 1, got "0"');
    expect(() => parseBenchArgs(["--seed", "x"], DEFAULTS)).toThrow('--seed must be a whole number, got "x"');
  });

  it("lists the defaults in the usage", () => {
    expect(benchUsage("parse", { scales: [10_000, 1_000_000], runs: 5 })).toContain("(default 10k,1M)");
  });
});
