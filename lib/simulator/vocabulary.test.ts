import { describe, expect, it } from "vitest";
import { buildVocabulary, loadVocabulary, streetNameOf } from "./vocabulary";

describe("streetNameOf", () => {
  it("takes the street name out of a displayed address", () => {
    expect(streetNameOf("10 211589 STREET, PINETOWN")).toBe("211589 STREET");
    expect(streetNameOf("22A VALLEY DRIVE, FOREST HILLS")).toBe("VALLEY DRIVE");
    expect(streetNameOf("INANDA ROAD, HILLCREST")).toBe("INANDA ROAD");
    expect(streetNameOf("YACHT MOLE                      , ESPLANADE")).toBe("YACHT MOLE");
    expect(streetNameOf(", QUADI SOUTH 2")).toBeNull();
    expect(streetNameOf("UNKNOWN, KINGSBURGH")).toBeNull();
  });
});

describe("buildVocabulary", () => {
  it("skips placeholders and the test suburb, and splits people from companies", () => {
    const vocabulary = buildVocabulary({
      suburbRows: [
        { value: "", text: "[--Select Suburb--]" },
        { value: "1896", text: "AAA Testing" },
        { value: "842", text: "BALGOWRIE No 14189 & BARTLETT" },
      ],
      schemeRows: [{ value: "", text: "[--Select Scheme Name--]" }, { value: "1", text: "SS ALEC'S MEWS" }],
      propertyRows: [
        { first_owner: "NENE PETROS", address: "13 40533 STREET, KLAARWATER", use_code: "Homes (Nursing etc) (20)", rating_category: "Business & Commercial", legal_description: "ERF 1 of X" },
        { first_owner: "KWAZULU HOUSING CO (PTY) LTD", address: ", LOVU", use_code: "", rating_category: "", legal_description: "REM of ERF 1 of the farm PIEZANG REVIER NO. 805" },
      ],
    });
    expect(vocabulary.suburbs).toEqual([{ sourceId: 842, name: "BALGOWRIE No 14189 & BARTLETT" }]);
    expect(vocabulary.schemes).toEqual(["SS ALEC'S MEWS"]);
    expect(vocabulary.surnames).toEqual(["NENE"]);
    expect(vocabulary.companies).toContain("KWAZULU HOUSING CO (PTY) LTD");
    expect(vocabulary.useCodes).toEqual([{ code: 20, description: "Homes (Nursing etc)", ratingCategory: "Business & Commercial", weight: 12 }]);
    expect(vocabulary.farmNames).toContain("PIEZANG REVIER NO. 805");
  });

  it("loads the real samples", () => {
    const vocabulary = loadVocabulary();
    expect(vocabulary.suburbs.length).toBe(861);
    expect(vocabulary.schemes.length).toBeGreaterThan(5000);
    expect(vocabulary.useCodes.map((u) => u.ratingCategory)).toContain("State Trust Land");
  });
});
