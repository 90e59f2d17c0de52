import { describe, expect, it } from "vitest";
import { formatCount, formatNumber, formatPercentChange, formatRowsPerSecond, formatShare } from "./format-number";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatNumber", () => {
  it("groups thousands with a non-breaking space", () => {
    expect(formatNumber(1830000)).toBe("1\u00a0830\u00a0000");
    expect(plain(formatNumber(1634))).toBe("1 634");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(0)).toBe("0");
  });

  it("uses a decimal comma and drops trailing zeros", () => {
    expect(plain(formatNumber(1634.5, 2))).toBe("1 634,5");
    expect(formatNumber(812.25, 2)).toBe("812,25");
    expect(formatNumber(812.0, 2)).toBe("812");
    expect(formatNumber(12.345, 1)).toBe("12,3");
  });

  it("marks negatives with a minus sign, never minus zero", () => {
    expect(plain(formatNumber(-20000))).toBe("\u221220 000");
    expect(formatNumber(-0.01, 1)).toBe("0");
  });
});

describe("formatCount", () => {
  it("picks singular or plural", () => {
    expect(formatCount(1, "property", "properties")).toBe("1 property");
    expect(plain(formatCount(2530, "property", "properties"))).toBe("2 530 properties");
    expect(formatCount(0, "property", "properties")).toBe("0 properties");
  });
});

describe("formatPercentChange", () => {
  it("signs the change", () => {
    expect(formatPercentChange(12.34)).toBe("+12,3%");
    expect(formatPercentChange(-5)).toBe("\u22125%");
    expect(formatPercentChange(0)).toBe("0%");
  });
});

describe("formatShare and formatRowsPerSecond", () => {
  it("write a share and a pace with a decimal comma", () => {
    expect(formatShare(0.125)).toBe("12,5%");
    expect(formatShare(1)).toBe("100%");
    expect(plain(formatRowsPerSecond(1234.56))).toBe("1 234,6 rows/s");
    expect(formatRowsPerSecond(null)).toBe("–");
  });
});
