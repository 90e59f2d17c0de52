import { describe, expect, it } from "vitest";
import { durationParts, formatClock, formatDuration, formatMilliseconds } from "./format-duration";

describe("formatMilliseconds", () => {
  it("writes a response time in ms, or in seconds with a decimal comma from a second up", () => {
    expect(formatMilliseconds(null)).toBe("–");
    expect(formatMilliseconds(0)).toBe("0 ms");
    expect(formatMilliseconds(12.4)).toBe("12 ms");
    expect(formatMilliseconds(999)).toBe("999 ms");
    expect(formatMilliseconds(999.6)).toBe("1 s");
    expect(formatMilliseconds(12_345)).toBe("12,3 s");
    expect(formatMilliseconds(1_234_000).replace(/\u00a0/g, " ")).toBe("1 234 s");
  });
});

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(4_400)).toBe("4s");
    expect(formatDuration(130_000)).toBe("2m 10s");
    expect(formatDuration(3_725_000)).toBe("1h 02m");
    expect(formatDuration(-50)).toBe("0s");
  });
});

describe("formatClock", () => {
  it("writes a 24-hour clock in the time zone asked for", () => {
    expect(formatClock(Date.parse("2026-11-28T22:05:09Z"), "Africa/Johannesburg")).toBe("00:05:09");
    expect(formatClock(Date.parse("2026-11-28T22:05:09Z"), "UTC")).toBe("22:05:09");
  });
});

describe("durationParts", () => {
  it("gives the two largest units, the smaller padded, for pages to word", () => {
    expect(durationParts(4_400)).toEqual({ unit: "seconds", seconds: "4" });
    expect(durationParts(130_000)).toEqual({ unit: "minutes", minutes: "2", seconds: "10" });
    expect(durationParts(3_725_000)).toEqual({ unit: "hours", hours: "1", minutes: "02" });
  });
});
