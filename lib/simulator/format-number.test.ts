import { describe, expect, it } from "vitest";
import { formatDetailMarketValue, formatExtent, formatMarketValue } from "./format-number";

describe("format-number", () => {
  it("formats market values like ####,###", () => {
    expect(formatMarketValue(1_830_000)).toBe("1,830,000");
    expect(formatMarketValue(33_000)).toBe("33,000");
    expect(formatMarketValue(950)).toBe("950");
    expect(formatMarketValue(null)).toBe("");
    expect(formatMarketValue(0)).toBe("");
  });

  it("formats extents like ####,###.##", () => {
    expect(formatExtent(1634)).toBe("1,634");
    expect(formatExtent(1634.5)).toBe("1,634.5");
    expect(formatExtent(12345.67)).toBe("12,345.67");
    expect(formatExtent(0.5)).toBe(".5");
    expect(formatExtent(null)).toBe("");
  });

  it("formats detail-page values with cents", () => {
    expect(formatDetailMarketValue(1_830_000)).toBe("1,830,000.00");
    expect(formatDetailMarketValue(null)).toBe("");
  });
});
