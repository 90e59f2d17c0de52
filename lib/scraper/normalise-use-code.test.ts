import { describe, expect, it } from "vitest";
import { parseUseCode } from "./normalise-use-code";

describe("parseUseCode", () => {
  it.each([
    ["Single Residential (15)", 15, "Single Residential"],
    ["Homes (Nursing etc) (20)", 20, "Homes (Nursing etc)"],
    ["Mixed Use: > 2/3 Residential (42)", 42, "Mixed Use: > 2/3 Residential"],
    ["Durban Corporation (Rates in Rent) (71)", 71, "Durban Corporation (Rates in Rent)"],
    ["Retail/Offices/Entertainment/ Restaurant (41)", 41, "Retail/Offices/Entertainment/ Restaurant"],
    ["  Vacant Land (47) ", 47, "Vacant Land"],
    ["Roads ( 50 )", 50, "Roads"],
    ["(15)", 15, null],
  ])("splits %j into %i and %j", (displayed, useCode, useDescription) => {
    expect(parseUseCode(displayed)).toEqual({ useCode, useDescription });
  });

  it("gives both null for an empty cell", () => {
    expect(parseUseCode("")).toEqual({ useCode: null, useDescription: null });
    expect(parseUseCode(" \r\n ")).toEqual({ useCode: null, useDescription: null });
  });

  it("keeps text without a trailing code as the description", () => {
    expect(parseUseCode("Single Residential")).toEqual({ useCode: null, useDescription: "Single Residential" });
    expect(parseUseCode("Homes (Nursing etc)")).toEqual({ useCode: null, useDescription: "Homes (Nursing etc)" });
    expect(parseUseCode("Code (15) pending")).toEqual({ useCode: null, useDescription: "Code (15) pending" });
  });
});
