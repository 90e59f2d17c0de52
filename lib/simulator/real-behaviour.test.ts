import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE_BEHAVIOUR, REAL_PROFILE_DEFAULTS, resolveBehaviour } from "./real-behaviour";

describe("resolveBehaviour", () => {
  it("starts from the profile and merges nested overrides", () => {
    expect(resolveBehaviour("default")).toEqual(DEFAULT_PROFILE_BEHAVIOUR);
    expect(resolveBehaviour("real")).toEqual(REAL_PROFILE_DEFAULTS);
    const b = resolveBehaviour("real", { firstByteDelay: { baseMs: 0, perRowMs: 1 }, outage: { startAfterMs: 10, durationMs: 20 } });
    expect(b.firstByteDelay).toEqual({ baseMs: 0, perRowMs: 1 });
    expect(b.outage).toEqual({ startAfterMs: 10, durationMs: 20 });
    expect(b.captionCountsSent).toBe(true);
  });

  it("gives a fresh, mutable object each time", () => {
    const a = resolveBehaviour("real");
    a.oddCells.share = 0.5;
    a.answerCap = 10;
    expect(resolveBehaviour("real").oddCells.share).toBe(REAL_PROFILE_DEFAULTS.oddCells.share);
    expect(REAL_PROFILE_DEFAULTS.answerCap).toBeNull();
  });

  it("rejects switches out of range", () => {
    expect(() => resolveBehaviour("real", { answerCap: 0 })).toThrow("answerCap must be a whole number ≥ 1");
    expect(() => resolveBehaviour("real", { bannerThreshold: 1.5 })).toThrow("bannerThreshold");
    expect(() => resolveBehaviour("real", { transientNoMatch: { share: -0.1, times: 1 } })).toThrow("transientNoMatch.share");
    expect(() => resolveBehaviour("real", { databaseTimeoutMs: -1 })).toThrow("databaseTimeoutMs");
    expect(() => resolveBehaviour("real", { allWithoutScheme: "maybe" as never })).toThrow("allWithoutScheme");
  });
});
