import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LayoutError, TruncatedPageError } from "./layout-error";
import { parseDetailsPage, propertyDetailSchema } from "./parse-details";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const fullPage = fixture("details-full.html");
const sectionalPage = fixture("details-sectional.html");

describe("parseDetailsPage", () => {
  it("reads a Full Title profile into typed fields", () => {
    expect(fullPage).toContain("\r\n");
    expect(parseDetailsPage(fullPage)).toEqual({
      rateNumber: "05100037",
      propertyDescription: "Portion 16 of ERF 74 of AMANZIMTOTI",
      address: "26 SOMERSET WAY, AMANZIMTOTI",
      registeredExtent: 1634.5,
      erfNumber: "74",
      deedsTownship: "AMANZIMTOTI",
      sectionNumber: null,
      schemeName: null,
      schemeNumber: null,
      sraCode: "SRA 4",
      useCode: 20,
      useDescription: "Homes (Nursing etc)",
      ratingCategory: "Business & Commercial",
      governmentCode: "N",
      exemptions: "N",
      rebates: "Pensioner Rebate",
      phasingIn: null,
      exclusions: "N",
      propertyType: "Land Parcel",
      marketValue: 1830000,
      owners: ["CRUCHINHO RUI PEREIRA", "O'BRIEN MARY-JANE & SONS"],
    });
  });

  it("reads a Sectional Title profile into typed fields", () => {
    expect(parseDetailsPage(sectionalPage)).toEqual({
      rateNumber: "08534138",
      propertyDescription: "SECTION 5 of SS ALEC'S MEWS",
      address: "5 ALEC'S MEWS, 12 MAIN ROAD, UMHLANGA",
      registeredExtent: 87,
      erfNumber: null,
      deedsTownship: null,
      sectionNumber: "5",
      schemeName: "SS ALEC'S MEWS",
      schemeNumber: "123/1985",
      sraCode: null,
      useCode: 18,
      useDescription: "Sectional Title Residential",
      ratingCategory: "Residential",
      governmentCode: "N",
      exemptions: "N",
      rebates: null,
      phasingIn: "Y",
      exclusions: "N",
      propertyType: null,
      marketValue: 2150000,
      owners: ["NAIDOO PRAVESH"],
    });
  });

  it("returns what the zod schema accepts (it is stored and served as JSON)", () => {
    for (const page of [fullPage, sectionalPage]) {
      const detail = parseDetailsPage(page);
      expect(propertyDetailSchema.parse(JSON.parse(JSON.stringify(detail)))).toEqual(detail);
    }
  });

  it("ignores unknown captions and reads known ones in any case and spacing", () => {
    const html = fullPage
      .replace("Property Type</td>", "Zoning Scheme</td>")
      .replace("Deeds Township/ Farm", "DEEDS TOWNSHIP / FARM");
    const detail = parseDetailsPage(html);
    expect(detail.propertyType).toBeNull();
    expect(detail.deedsTownship).toBe("AMANZIMTOTI");
    expect(detail).not.toHaveProperty("zoningScheme");
  });

  it("reads an empty market value and extent as null, and a property with no owner rows", () => {
    const html = fullPage
      .replace("1,830,000.00", "")
      .replace("1,634.5", "")
      .replace(/<tr>\s*<td class="tdContaint">\s*CRUCHINHO RUI PEREIRA\s*<\/td>\s*<\/tr>/, "")
      .replace(/<tr>\s*<td class="tdContaint">\s*O&#39;BRIEN[^<]*<\/td>\s*<\/tr>/, "");
    expect(parseDetailsPage(html)).toMatchObject({ marketValue: null, registeredExtent: null, owners: [] });
  });

  it.each(["divPropertDetails", "divValuations", "divOwnsers"])("throws LayoutError without div#%s", (id) => {
    const html = fullPage.replace(`id="${id}"`, 'id="somethingElse"');
    expect(() => parseDetailsPage(html)).toThrow(LayoutError);
    expect(() => parseDetailsPage(html)).toThrow(`expected "div#${id}"`);
  });

  it("throws LayoutError for a market value that is not a number", () => {
    expect(() => parseDetailsPage(fullPage.replace("1,830,000.00", "R 1.8m"))).toThrow(LayoutError);
  });

  it("throws 'truncated' when the owners list is cut off", () => {
    const cut = fullPage.slice(0, fullPage.indexOf("O&#39;BRIEN"));
    expect(() => parseDetailsPage(cut)).toThrow(TruncatedPageError);
    expect(() => parseDetailsPage(cut)).toThrow(/truncated: the owners list/);
  });
});
