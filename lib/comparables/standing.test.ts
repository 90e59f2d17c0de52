import { describe, expect, it } from "vitest";
import { chooseByExtentBand, chooseSchemeUnits, MAX_COMPARABLES, MIN_COMPARABLES, type Candidate } from "./choose-comparables";
import { describeBasis, describeStanding } from "./describe-standing";
import { changePercent, median, percentile, standing, valuePerM2 } from "./standing";

const candidate = (rateNumber: number, registeredExtent: number | null, marketValue: number | null = 1_000_000): Candidate => ({
  rateNumber: String(rateNumber).padStart(8, "0"),
  titleType: "full",
  sectionNumber: null,
  address: `${rateNumber} MAIN ROAD`,
  legalDescription: `ERF ${rateNumber}`,
  marketValue,
  registeredExtent,
});

describe("chooseByExtentBand", () => {
  it("keeps to ±20 % when that holds enough properties", () => {
    const near = Array.from({ length: MIN_COMPARABLES }, (_, i) => candidate(i, 900 + i * 20));
    const far = [candidate(100, 2000), candidate(101, 300)];
    const { chosen, band } = chooseByExtentBand([...far, ...near], 1000);
    expect(band).toEqual({ min: 1000 / 1.2, max: 1200 });
    expect(chosen.map((c) => c.rateNumber).sort()).toEqual(near.map((c) => c.rateNumber).sort());
  });

  it("widens the band until there are enough, and orders by nearness in ratio", () => {
    const spread = [candidate(1, 600), candidate(2, 1500), candidate(3, 1900), candidate(4, 520), candidate(5, 1100), candidate(6, 2100), candidate(7, 480), candidate(8, 1950), candidate(9, 1700), candidate(10, 700)];
    const { chosen, band } = chooseByExtentBand(spread, 1000);
    expect(band).toEqual({ min: 500, max: 2000 });
    expect(chosen.map((c) => c.registeredExtent)).toEqual([1100, 700, 1500, 600, 1700, 1900, 520, 1950]);
  });

  it("takes at most the nearest MAX_COMPARABLES", () => {
    const many = Array.from({ length: 60 }, (_, i) => candidate(i, 1000 + i));
    const { chosen } = chooseByExtentBand(many, 1000);
    expect(chosen).toHaveLength(MAX_COMPARABLES);
    expect(chosen.at(-1)?.registeredExtent).toBe(1000 + MAX_COMPARABLES - 1);
  });

  it("without an extent compares by suburb and use alone", () => {
    const { chosen, band } = chooseByExtentBand([candidate(3, 500), candidate(1, null), candidate(2, 900)], null);
    expect(band).toBeNull();
    expect(chosen.map((c) => c.rateNumber)).toEqual(["00000001", "00000002", "00000003"]);
  });
});

describe("chooseSchemeUnits", () => {
  it("puts the units nearest in size first and those without a size last", () => {
    const units = [candidate(1, 120), candidate(2, null), candidate(3, 75), candidate(4, 80)];
    expect(chooseSchemeUnits(units, 78).chosen.map((c) => c.rateNumber)).toEqual(["00000004", "00000003", "00000001", "00000002"]);
  });
});

describe("standing", () => {
  it("computes value per m², change and percentile with ties counted half", () => {
    expect(valuePerM2({ marketValue: 1_000_000, registeredExtent: 400 })).toBe(2500);
    expect(valuePerM2({ marketValue: 1_000_000, registeredExtent: 0 })).toBeNull();
    expect(changePercent({ marketValue: 1_250_000, previousMarketValue: 1_000_000 })).toBe(25);
    expect(changePercent({ marketValue: 1_250_000, previousMarketValue: null })).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(percentile(5, [1, 5, 9, 10])).toBe(37.5);
  });

  it("places a property among its comparables and says so in plain words", () => {
    const comparables = [1000, 1500, 2000, 2500, 3000].map((perM2, i) => ({ marketValue: perM2 * 500, registeredExtent: 500, previousMarketValue: perM2 * 500 - 50_000 * (i + 1) }));
    const result = standing({ marketValue: 1_400_000, registeredExtent: 500, previousMarketValue: 1_000_000 }, comparables);
    expect(result).toMatchObject({ valuePerM2: 2800, valuePerM2Percentile: 80, comparedCount: 5, medianValuePerM2: 2000, changePercent: 40, changeComparedCount: 5 });
    const words = describeStanding(result, "GV 2022", "GV 2017").map((sentence) => sentence.replace(/\u00a0/g, " "));
    expect(words).toEqual([
      "It is valued at R 2 800 per m², higher than 80% of them (their median is R 2 000 per m²).",
      `From GV 2017 to GV 2022 its value rose (+40%); the median change of the 5 of them on both rolls was ${"+" + String(result.medianChangePercent).replace(".", ",")}%.`,
    ]);
  });

  it("does not place a property among too few", () => {
    const result = standing({ marketValue: 1_000_000, registeredExtent: 500, previousMarketValue: null }, [{ marketValue: 900_000, registeredExtent: 500, previousMarketValue: null }]);
    expect(describeStanding(result, "GV 2022", "GV 2017")[0]).toMatch(/too few of them have a value per m²/);
    expect(describeStanding(result, "GV 2022", "GV 2017")[1]).toMatch(/no value on GV 2017/);
  });
});

describe("describeBasis", () => {
  it("says what the properties have in common", () => {
    const text = describeBasis({ kind: "suburb-use", suburbName: "PINETOWN", use: "Single Residential (15)", band: { min: 833.3, max: 1200 } }, 12);
    expect(text.replace(/\u00a0/g, " ")).toBe("12 properties in PINETOWN used as Single Residential (15), with an extent between 833 m² and 1 200 m²");
    expect(describeBasis({ kind: "scheme", schemeName: "SS ALEC'S MEWS" }, 1)).toBe("1 other unit of SS ALEC'S MEWS");
  });
});
