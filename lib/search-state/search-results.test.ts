import { describe, expect, it } from "vitest";
import type { Valuation } from "@/lib/valuations/valuation-schema";
import { cursorOfNext, describeProblem, propertyPath, toResultRow } from "./search-results";

const valuation: Valuation = {
  roll: "gv2017",
  titleType: "sectional",
  rateNumber: "PIN:1000123",
  pin: "1000123",
  suburbId: "22136",
  suburbName: "PINETOWN",
  legalDescription: "SS ALEC'S MEWS Section 4",
  erfNumber: null,
  portionNumber: null,
  isRemainder: false,
  township: null,
  isFarm: false,
  schemeName: "SS ALEC'S MEWS",
  sectionNumber: "4",
  address: "4 ALEC'S MEWS, PINETOWN",
  streetNumber: "4",
  streetName: "ALEC'S MEWS",
  locality: "PINETOWN",
  firstOwner: "A PERSON",
  useCode: 15,
  useDescription: "Single Residential",
  ratingCategory: "Residential",
  marketValue: 830000,
  registeredExtent: 96.5,
  displayed: {
    rateNumber: "",
    legalDescription: "SS ALEC'S MEWS Section 4",
    address: "4 ALEC'S MEWS, PINETOWN",
    firstOwner: "A PERSON",
    useCode: "Single Residential (15)",
    ratingCategory: "Residential",
    marketValue: "830,000",
    registeredExtent: "96.5",
  },
  firstSeenAt: "2026-11-20T01:12:09.114Z",
  lastSeenAt: "2026-11-27T01:40:51.008Z",
  lastChangedAt: "2026-11-20T01:12:09.114Z",
  removedAt: null,
  href: "/api/valuations/PIN%3A1000123?roll=gv2017&title=sectional",
};

describe("toResultRow", () => {
  it("keeps what the table shows and links to this app's property page", () => {
    expect(toResultRow(valuation, "gv2022")).toEqual({
      key: "sectional:PIN:1000123",
      rateNumber: "PIN:1000123",
      titleType: "sectional",
      address: "4 ALEC'S MEWS, PINETOWN",
      suburbName: "PINETOWN",
      legalDescription: "SS ALEC'S MEWS Section 4",
      useCode: 15,
      useDescription: "Single Residential",
      ratingCategory: "Residential",
      marketValue: 830000,
      registeredExtent: 96.5,
      href: "/valuations/PIN%3A1000123?roll=gv2017&title=sectional",
    });
  });
});

describe("propertyPath", () => {
  it("leaves out the default roll", () => {
    expect(propertyPath({ rateNumber: "96150534", roll: "gv2022", titleType: "full" }, "gv2022")).toBe("/valuations/96150534?title=full");
  });
});

describe("cursorOfNext", () => {
  it("reads the cursor out of the API's next link", () => {
    expect(cursorOfNext("http://127.0.0.1:3100/api/valuations?q=kloof&limit=25&cursor=abc.def")).toBe("abc.def");
    expect(cursorOfNext(null)).toBeNull();
  });
});

describe("describeProblem", () => {
  it("names the field as the form does", () => {
    expect(describeProblem({ parameter: "maxValue", message: "must not be less than minValue" })).toBe(
      "Highest value must not be less than the lowest value.",
    );
    expect(describeProblem({ parameter: "q", message: "must have at most 200 characters" })).toBe("Search must have at most 200 characters.");
  });
});
