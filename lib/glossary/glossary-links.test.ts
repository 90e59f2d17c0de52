import { describe, expect, it } from "vitest";
import { ratingCategoryGlossaryHref, ratingCategoryKey, useCodeGlossaryHref } from "./glossary-links";

describe("glossary links", () => {
  it("names a rating category's entry by its words", () => {
    expect(ratingCategoryKey("Business & Commercial")).toBe("business-commercial");
    expect(ratingCategoryKey("Unauthorised or Illegal Development/Use")).toBe("unauthorised-or-illegal-development-use");
    expect(ratingCategoryKey("PSI")).toBe("psi");
  });

  it("links a term the glossary explains, and nothing else", () => {
    expect(useCodeGlossaryHref(15)).toBe("/glossary#use-15");
    expect(ratingCategoryGlossaryHref("Residential")).toBe("/glossary#category-residential");
    expect(useCodeGlossaryHref(9999)).toBeNull();
    expect(useCodeGlossaryHref(null)).toBeNull();
    expect(ratingCategoryGlossaryHref("Not a category")).toBeNull();
  });
});
