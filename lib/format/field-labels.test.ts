import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-labels";

describe("fieldLabel", () => {
  it("names the known fields", () => {
    expect(fieldLabel("marketValue")).toBe("Market value");
    expect(fieldLabel("deedsTownship")).toBe("Deeds township or farm");
  });

  it("spells out a field it does not know", () => {
    expect(fieldLabel("someNewField")).toBe("Some new field");
    expect(fieldLabel("valuation_date")).toBe("Valuation date");
  });
});

describe("fieldLabel in isiZulu", () => {
  it("names the known fields from the catalogue, and spells out an unknown one as English does", () => {
    expect(fieldLabel("marketValue", "zu")).toBe("Inani lemakethe");
    expect(fieldLabel("someNewField", "zu")).toBe("Some new field");
    expect(fieldLabel("constructor", "zu")).toBe("Constructor");
  });
});
