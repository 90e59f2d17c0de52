import { describe, expect, it } from "vitest";
import { formatRand, formatRandChange, formatRandShort } from "./format-rand";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatRand", () => {
  it("writes whole rand the South African way", () => {
    expect(plain(formatRand(1830000))).toBe("R 1 830 000");
    expect(plain(formatRand(50000))).toBe("R 50 000");
    expect(plain(formatRand(0))).toBe("R 0");
  });

  it("says so when there is no value", () => {
    expect(formatRand(null)).toBe("No value");
  });

  it("puts the minus before the R", () => {
    expect(plain(formatRand(-20000))).toBe("\u2212R 20 000");
  });
});

describe("formatRandChange", () => {
  it("signs increases and decreases", () => {
    expect(plain(formatRandChange(130000))).toBe("+R 130 000");
    expect(plain(formatRandChange(-20000))).toBe("\u2212R 20 000");
    expect(plain(formatRandChange(0))).toBe("R 0");
  });
});

describe("formatRandShort", () => {
  it("abbreviates for chart axes", () => {
    expect(plain(formatRandShort(950000))).toBe("R 950k");
    expect(plain(formatRandShort(1830000))).toBe("R 1,8m");
    expect(plain(formatRandShort(12500000))).toBe("R 12,5m");
    expect(plain(formatRandShort(2_000_000_000))).toBe("R 2bn");
    expect(plain(formatRandShort(500))).toBe("R 500");
  });
});
