import { describe, expect, it } from "vitest";
import { erfKey, parcelKey, parseParcel, type FullTitleParcel } from "./legal-key";

describe("parseParcel", () => {
  it("reads a Full Title description into township, erf, portion and remainder", () => {
    expect(parseParcel("REM of Portion 16 of ERF 74 of AMANZIMTOTI")).toEqual({
      kind: "full",
      township: "AMANZIMTOTI",
      erf: "74",
      portion: "16",
      isRemainder: true,
    });
  });

  it("reads both orders of a Sectional Title description, without the SS prefix", () => {
    expect(parseParcel("SECTION 5 of SS ALEC'S MEWS")).toEqual({ kind: "sectional", scheme: "ALEC'S MEWS", section: "5" });
    expect(parseParcel("SS ALEC'S MEWS SECTION 5")).toEqual({ kind: "sectional", scheme: "ALEC'S MEWS", section: "5" });
  });

  it("gives null for a description of no known form", () => {
    expect(parseParcel("LOT 5 PINETOWN")).toBeNull();
    expect(parseParcel("")).toBeNull();
  });
});

describe("parcelKey", () => {
  it.each([
    ["ERF 18288 of PINETOWN", "erf 18288 OF pinetown"],
    ["Portion 4 of ERF 2619 of CLIFTON No. 2619", "PORTION 4 OF ERF 2619 OF CLIFTON NO 2619"],
    ["ERF 018288 of PINETOWN", "ERF 18288 of  PINETOWN"],
    ["Portion 609 of ERF 978 of the farm WATERFALL NO. 978", "Portion 609 of ERF 978 of WATERFALL NO. 978"],
    ["SECTION 12 of SS 4 A B & C THE AVENUE", "4 A B & C THE AVENUE SECTION 12"],
  ])("is the same for %j and %j", (a, b) => {
    expect(parcelKey(parseParcel(a)!)).toBe(parcelKey(parseParcel(b)!));
  });

  it.each([
    ["ERF 74 of AMANZIMTOTI", "REM of ERF 74 of AMANZIMTOTI"],
    ["Portion 1 of ERF 74 of AMANZIMTOTI", "Portion 2 of ERF 74 of AMANZIMTOTI"],
    ["ERF 74 of AMANZIMTOTI", "ERF 74 of KINGSBURGH"],
    ["SECTION 1 of SS ALEC'S MEWS", "SECTION 1 of SS ALEC'S COURT"],
  ])("tells %j from %j", (a, b) => {
    expect(parcelKey(parseParcel(a)!)).not.toBe(parcelKey(parseParcel(b)!));
  });

  it("gives every portion of an erf the erf's key", () => {
    const keys = ["ERF 74 of AMANZIMTOTI", "REM of ERF 74 of AMANZIMTOTI", "Portion 3 of ERF 74 of AMANZIMTOTI"].map((text) =>
      erfKey(parseParcel(text) as FullTitleParcel),
    );
    expect(new Set(keys).size).toBe(1);
  });
});
