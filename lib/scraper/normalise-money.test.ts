import { describe, expect, it } from "vitest";
import { LayoutError } from "./layout-error";
import { parseMarketValue } from "./normalise-money";

describe("parseMarketValue", () => {
  it.each([
    ["1,830,000", 1830000],
    ["1,830,000.00", 1830000],
    ["1,830,000.0", 1830000],
    ["50,000", 50000],
    ["999", 999],
    ["1830000", 1830000],
    ["  24,080,000\r\n", 24080000],
    ["12,345,678,900", 12345678900],
  ])("reads %j as %i", (displayed, value) => {
    expect(parseMarketValue(displayed)).toBe(value);
  });

  it("reads an empty cell (a zero or missing value) as null", () => {
    expect(parseMarketValue("")).toBeNull();
    expect(parseMarketValue("  \r\n ")).toBeNull();
  });

  it.each(["R 1,830,000", "abc", "-50,000", "1.830.000", "1,830,000.00.00", "1,83", "1,8300", "NaN", "1,830,000.50", "1 830 000"])(
    "throws LayoutError for %j",
    (displayed) => {
      expect(() => parseMarketValue(displayed)).toThrow(LayoutError);
    },
  );

  it("says what it expected and what it found", () => {
    expect(() => parseMarketValue("-5")).toThrow('market value changed: expected a number like "1,830,000", found "-5"');
  });
});
