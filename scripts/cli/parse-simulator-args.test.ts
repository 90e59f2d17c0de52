import { describe, expect, it } from "vitest";
import { describeBehaviour, parseDuration, parseSimulatorArgs } from "./parse-simulator-args";
import { REAL_PROFILE_DEFAULTS, resolveBehaviour } from "@/lib/simulator/real-behaviour";

const run = (argv: string[]) => {
  const parsed = parseSimulatorArgs(argv);
  if (parsed.kind !== "run") throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
};
const error = (argv: string[]) => {
  const parsed = parseSimulatorArgs(argv);
  if (parsed.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
};

describe("parseSimulatorArgs", () => {
  it("keeps today's defaults without flags", () => {
    expect(run([])).toEqual({
      port: 4010,
      host: "127.0.0.1",
      rows: 50_000,
      seed: 7,
      generation: 0,
      latencyMs: 0,
      errorRate: 0,
      truncateAbove: null,
      profile: "default",
      real: {},
    });
    expect(parseSimulatorArgs(["--help"])).toEqual({ kind: "help" });
  });

  it("reads the real profile and every switch", () => {
    const options = run([
      "--profile", "real",
      "--answer-cap", "120",
      "--banner-threshold", "100",
      "--caption", "matches",
      "--first-byte-ms-per-row", "2",
      "--db-timeout-ms", "none",
      "--odd-cell-share", "0.01",
      "--no-match-share", "0.5",
      "--all-without-scheme", "ignored",
      "--detail-types", "title",
      "--order", "sorted",
      "--outage-after", "90s",
      "--outage-for", "2m",
    ]);
    expect(options.profile).toBe("real");
    expect(resolveBehaviour("real", options.real)).toEqual({
      captionCountsSent: false,
      answerCap: 120,
      bannerThreshold: 100,
      firstByteDelay: { baseMs: REAL_PROFILE_DEFAULTS.firstByteDelay.baseMs, perRowMs: 2 },
      databaseTimeoutMs: null,
      oddCells: { share: 0.01 },
      transientNoMatch: { share: 0.5, times: 1 },
      allWithoutScheme: "ignored",
      detailTypesFromData: false,
      unsorted: false,
      outage: { startAfterMs: 90_000, durationMs: 120_000 },
    });
    expect(run(["--outage-for", "500ms"]).real?.outage).toEqual({ startAfterMs: 0, durationMs: 500 });
    expect(run(["--outage-for", "1m", "--outage-error", "pool"]).real?.outage).toEqual({ startAfterMs: 0, durationMs: 60_000, error: "pool" });
    expect(run(["--answer-cap", "none"]).real?.answerCap).toBeNull();
    expect(run(["--first-byte-ms-per-row", "0.5"]).real?.firstByteDelay).toEqual({ baseMs: 0, perRowMs: 0.5 });
  });

  it("explains bad flags", () => {
    expect(error(["--bogus"])).toMatch(/Unknown option '--bogus'/);
    expect(error(["--profile", "live"])).toBe('--profile must be one of default, real, got "live"');
    expect(error(["--answer-cap", "0"])).toBe('--answer-cap must be a whole number of at least 1, got "0"');
    expect(error(["--odd-cell-share", "1.5"])).toBe('--odd-cell-share must be between 0 and 1, got "1.5"');
    expect(error(["--no-match-times", "once"])).toBe('--no-match-times must be a whole number, got "once"');
    expect(error(["--first-byte-ms-per-row", "fast"])).toBe('--first-byte-ms-per-row must be zero or more milliseconds (e.g. 2 or 0.5), got "fast"');
    expect(error(["--order", "random"])).toBe('--order must be one of unsorted, sorted, got "random"');
    expect(error(["--outage-after", "10s"])).toBe("--outage-after needs --outage-for (how long the outage lasts)");
    expect(error(["--outage-error", "pool"])).toBe("--outage-error needs --outage-for (how long the outage lasts)");
    expect(error(["--outage-for", "1m", "--outage-error", "disk"])).toBe('--outage-error must be one of network, pool, got "disk"');
    expect(error(["--outage-for", "soon"])).toBe('--outage-for must be a duration such as 90s, 2m or 500ms, got "soon"');
    expect(error(["--rows", "many"])).toBe('--rows must be a whole number of at least 1, got "many"');
    expect(error(["--port", "70000"])).toBe("--port must be at most 65535");
  });
});

describe("parseDuration", () => {
  it("reads ms, s, m and bare seconds", () => {
    expect(parseDuration("x", "250ms")).toBe(250);
    expect(parseDuration("x", "1.5s")).toBe(1500);
    expect(parseDuration("x", "2m")).toBe(120_000);
    expect(parseDuration("x", "45")).toBe(45_000);
  });
});

describe("describeBehaviour", () => {
  it("names every switch", () => {
    const text = describeBehaviour(REAL_PROFILE_DEFAULTS).join("\n");
    for (const phrase of ["counts the rows sent", "banner at 1000", "answer cap: none", "odd cells: 0.002", "no-match", "from data", "unsorted", "outage: none"]) {
      expect(text).toContain(phrase);
    }
    expect(text).toMatch(/database timeout: 30\s000 ms/);
  });
});
