import { describe, expect, it } from "vitest";
import { displayedAddress, displayedCells, legalDescription } from "./display-property";
import type { SimProperty } from "./sim-types";

const base: SimProperty = {
  roll: "gv2022",
  pin: "1000000",
  rateNumber: "05100037",
  titleType: "full",
  suburbId: 20087,
  suburbName: "AMANZIMTOTI",
  volumeNo: "12",
  erfNumber: 74,
  portionNumber: 16,
  isRemainder: false,
  township: "AMANZIMTOTI",
  isFarm: false,
  schemeName: null,
  sectionNumber: null,
  streetNumber: "26",
  streetName: "SOMERSET WAY",
  locality: "AMANZIMTOTI",
  addressLayout: "plain",
  sectionalLayout: null,
  firstOwner: "CRUCHINHO RUI PEREIRA",
  owners: ["CRUCHINHO RUI PEREIRA"],
  useCode: 15,
  useDescription: "Single Residential",
  ratingCategory: "Residential",
  marketValue: 1_830_000,
  registeredExtent: 1634,
  deedsTownId: 1234,
  schemeNumber: null,
  governmentCode: "",
  exemptions: "N",
  rebates: "",
  phasingIn: "N",
  exclusions: "N",
  sraCode: "",
  propertyType: "Land and Buildings",
  propType: 3,
  formType: 1,
};

describe("legalDescription", () => {
  it("writes every Full Title shape", () => {
    expect(legalDescription(base)).toBe("Portion 16 of ERF 74 of AMANZIMTOTI");
    expect(legalDescription({ ...base, portionNumber: null, erfNumber: 18288, township: "PINETOWN" })).toBe("ERF 18288 of PINETOWN");
    expect(legalDescription({ ...base, portionNumber: null, isRemainder: true, erfNumber: 506, township: "KINGSBURGH" })).toBe("REM of ERF 506 of KINGSBURGH");
    expect(legalDescription({ ...base, portionNumber: 209, isRemainder: true, erfNumber: 1575, township: "COTTON LANDS NO. 1575" })).toBe(
      "REM of Portion 209 of ERF 1575 of COTTON LANDS NO. 1575",
    );
    expect(legalDescription({ ...base, portionNumber: 11, isRemainder: true, erfNumber: 1, township: "PIEZANG REVIER NO. 805", isFarm: true })).toBe(
      "REM of Portion 11 of ERF 1 of the farm PIEZANG REVIER NO. 805",
    );
  });

  it("writes both Sectional Title shapes", () => {
    const unit: SimProperty = { ...base, titleType: "sectional", schemeName: "SS ALEC'S MEWS", sectionNumber: 5, sectionalLayout: "section-first" };
    expect(legalDescription(unit)).toBe("SECTION 5 of SS ALEC'S MEWS");
    expect(legalDescription({ ...unit, sectionalLayout: "scheme-first" })).toBe("SS ALEC'S MEWS SECTION 5");
  });
});

describe("displayedAddress", () => {
  it("reproduces the live site's address quirks", () => {
    expect(displayedAddress(base)).toBe("26 SOMERSET WAY, AMANZIMTOTI");
    expect(displayedAddress({ ...base, streetNumber: null, streetName: "BRAESIDE ROAD", addressLayout: "padded", locality: "SEA VIEW" })).toBe(
      "BRAESIDE ROAD                   , SEA VIEW",
    );
    expect(displayedAddress({ ...base, streetNumber: "25", streetName: "ACACIA CRESCENT", addressLayout: "double-space", locality: "GENAZANO" })).toBe(
      "25  ACACIA CRESCENT, GENAZANO",
    );
    expect(displayedAddress({ ...base, streetNumber: null, streetName: null, locality: "TONGAAT BEACH RURAL" })).toBe(", TONGAAT BEACH RURAL");
    expect(displayedAddress({ ...base, streetNumber: "0", streetName: null, locality: "BLUFF" })).toBe("0, BLUFF");
    expect(displayedAddress({ ...base, streetNumber: null, streetName: "UNKNOWN", locality: "KINGSBURGH" })).toBe("UNKNOWN, KINGSBURGH");
  });
});

describe("displayedCells", () => {
  it("gives the 8 result cells", () => {
    expect(displayedCells(base)).toEqual([
      "05100037",
      "Portion 16 of ERF 74 of AMANZIMTOTI",
      "26 SOMERSET WAY, AMANZIMTOTI",
      "CRUCHINHO RUI PEREIRA",
      "Single Residential (15)",
      "Residential",
      "1,830,000",
      "1,634",
    ]);
  });

  it("leaves empty cells for missing values", () => {
    const cells = displayedCells({ ...base, firstOwner: null, owners: [], useCode: null, useDescription: null, ratingCategory: null, marketValue: null, registeredExtent: null });
    expect(cells.slice(3)).toEqual(["", "", "", "", ""]);
  });
});
