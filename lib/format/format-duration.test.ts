import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(4_400)).toBe("4s");
    expect(formatDuration(130_000)).toBe("2m 10s");
    expect(formatDuration(3_725_000)).toBe("1h 02m");
    expect(formatDuration(-50)).toBe("0s");
  });
});
