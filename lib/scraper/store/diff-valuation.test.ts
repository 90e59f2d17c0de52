import { describe, expect, it } from "vitest";
import { changedFields, fieldValues, type Comparable } from "./diff-valuation";

const base: Comparable = {
  suburbId: "22136",
  pin: "123456",
  displayed: {
    rateNumber: "05100037",
    legalDescription: "Portion 16 of ERF 74 of AMANZIMTOTI",
    address: "26 SOMERSET WAY, AMANZIMTOTI",
    firstOwner: "CRUCHINHO RUI PEREIRA",
    useCode: "Single Residential (15)",
    ratingCategory: "Residential",
    marketValue: "1,830,000",
    registeredExtent: "1,634",
  },
};

describe("changedFields", () => {
  it("finds nothing when nothing changed", () => {
    expect(changedFields(base, structuredClone(base))).toEqual([]);
  });

  it("names each changed cell, the suburb and the pin", () => {
    const after = structuredClone(base);
    after.displayed.marketValue = "1,950,000";
    after.displayed.firstOwner = "NEW OWNER";
    after.suburbId = "22137";
    after.pin = "999";
    expect(changedFields(base, after)).toEqual(["firstOwner", "marketValue", "suburbId", "pin"]);
  });

  it("treats a change in padding as a change of what the site shows", () => {
    const after = structuredClone(base);
    after.displayed.address = "26 SOMERSET WAY      , AMANZIMTOTI";
    expect(changedFields(base, after)).toEqual(["address"]);
  });
});

describe("fieldValues", () => {
  it("picks the before or after values of the changed fields", () => {
    expect(fieldValues(base, ["marketValue", "suburbId", "pin"])).toEqual({
      marketValue: "1,830,000",
      suburbId: "22136",
      pin: "123456",
    });
  });
});
