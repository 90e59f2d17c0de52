import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatDuration, formatRate, formatShare } from "./display-format";

// en-ZA groups thousands with a non-breaking space and uses a decimal comma.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("display formats", () => {
  it("writes numbers the South African way", () => {
    expect(plain(formatCount(1_234_567))).toBe("1 234 567");
    expect(plain(formatRate(1234.56))).toBe("1 234,6 rows/s");
    expect(formatRate(null)).toBe("–");
    expect(plain(formatShare(0.125))).toBe("12,5%");
  });

  it("writes times in Johannesburg time", () => {
    expect(formatDateTime("2026-11-28T10:26:00Z")).toBe("28 Nov 2026, 12:26");
    expect(formatDateTime(null)).toBe("–");
    expect(formatDuration(3_725_000)).toBe("1h 02m");
  });
});
