import { describe, expect, it } from "vitest";
import { formatDetailMarketValue, formatExtent, formatMarketValue, formatXsltNumber } from "./format-number";

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

describe("formatXsltNumber", () => {
  it("prints NULL as NaN, zero as nothing and negatives with a minus", () => {
    expect(formatXsltNumber(null, "####,###")).toBe("NaN");
    expect(formatXsltNumber(0, "####,###")).toBe("");
    expect(formatXsltNumber(0, "####,###.##")).toBe("");
    expect(formatXsltNumber(-1_234, "####,###")).toBe("-1,234");
    expect(formatXsltNumber(-1_634.5, "####,###.##")).toBe("-1,634.5");
    expect(formatXsltNumber(1_830_000, "####,###")).toBe("1,830,000");
    expect(formatXsltNumber(-1_830_000.5, "####,###.##")).toBe("-1,830,000.5");
  });
});
