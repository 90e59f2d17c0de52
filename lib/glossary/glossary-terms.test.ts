import { describe, expect, it } from "vitest";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { LOCALES } from "@/lib/i18n/locales";
import { loadVocabulary } from "@/lib/simulator/vocabulary";
import { ratingCategoryGlossaryHref, ratingCategoryKey, useCodeGlossaryHref } from "./glossary-links";
import { glossaryRatingCategories, glossaryUseCodes, RATING_CATEGORY_ROLL_WORDING, USE_CODE_ROLL_WORDING } from "./glossary-terms";

// The glossary explains every use code and rating category of the roll (the simulator's vocabulary
// is the real samples' own), in the roll's own wording and in every language.

const vocabulary = loadVocabulary();

function entry(locale: (typeof LOCALES)[number], kind: "useCodes" | "ratingCategories", key: string): { name?: unknown; meaning?: unknown } | undefined {
  return (CATALOGUES[locale].glossary[kind] as Record<string, { name?: unknown; meaning?: unknown }>)[key];
}

describe("the glossary's terms", () => {
  it("has every use code of the roll, in the roll's wording, explained in every language", () => {
    expect(vocabulary.useCodes.length).toBeGreaterThan(10);
    for (const { code, description } of vocabulary.useCodes) {
      expect(USE_CODE_ROLL_WORDING[String(code) as keyof typeof USE_CODE_ROLL_WORDING], `use code ${code}`).toBe(description);
      expect(useCodeGlossaryHref(code)).toBe(`/glossary#use-${code}`);
      for (const locale of LOCALES) {
        expect(entry(locale, "useCodes", String(code)), `${locale}: use code ${code}`).toEqual({ name: expect.stringMatching(/\S/), meaning: expect.stringMatching(/\S/) });
      }
    }
  });

  it("has every rating category of the roll, explained in every language", () => {
    const categories = [...new Set(vocabulary.useCodes.map((use) => use.ratingCategory))];
    expect(categories).toContain("Business & Commercial");
    for (const category of categories) {
      const key = ratingCategoryKey(category);
      expect(RATING_CATEGORY_ROLL_WORDING[key as keyof typeof RATING_CATEGORY_ROLL_WORDING], category).toBe(category);
      expect(ratingCategoryGlossaryHref(category)).toBe(`/glossary#category-${key}`);
      for (const locale of LOCALES) {
        expect(entry(locale, "ratingCategories", key), `${locale}: ${category}`).toEqual({ name: expect.stringMatching(/\S/), meaning: expect.stringMatching(/\S/) });
      }
    }
  });

  it("lists exactly the catalogue's entries, keyed as the links key them", () => {
    for (const locale of LOCALES) {
      expect(glossaryUseCodes().map((use) => use.key), locale).toEqual(Object.keys(CATALOGUES[locale].glossary.useCodes));
      expect(glossaryRatingCategories().map((category) => category.key).sort(), locale).toEqual(Object.keys(CATALOGUES[locale].glossary.ratingCategories).sort());
    }
    for (const { key, rollWording } of glossaryRatingCategories()) expect(ratingCategoryKey(rollWording)).toBe(key);
    expect(glossaryUseCodes().map((use) => use.code)).toEqual([10, 15, 16, 20, 21, 37, 41, 42, 45, 47, 50, 54, 63, 71, 77, 81, 85, 95]);
  });
});
