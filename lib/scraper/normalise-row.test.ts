import { describe, expect, it } from "vitest";
import { LayoutError } from "./layout-error";
import { normaliseRow, type OddCell } from "./normalise-row";
import type { DisplayedCells } from "@/lib/valuations/displayed-cells";
import { VALUATION_FIELDS } from "@/lib/valuations/valuation-fields";
import type { ResultRow } from "./parse-results";

const full = { roll: "gv2022", titleType: "full", suburbId: "22136", suburbName: "AMANZIMTOTI" } as const;
const sectional = { roll: "gv2022", titleType: "sectional", suburbId: "22140", suburbName: "UMHLANGA" } as const;

const cells = (overrides: Partial<DisplayedCells> = {}): DisplayedCells => ({
  rateNumber: "05100037",
  legalDescription: "Portion 16 of ERF 74 of AMANZIMTOTI",
  address: "26 SOMERSET WAY                 , AMANZIMTOTI",
  firstOwner: "CRUCHINHO RUI PEREIRA",
  useCode: "Single Residential (15)",
  ratingCategory: "Residential",
  marketValue: "1,830,000",
  registeredExtent: "1,634.5",
  ...overrides,
});
const row = (overrides: Partial<DisplayedCells> = {}, pin: string | null = "123456"): ResultRow => ({
  cells: cells(overrides),
  pin,
  detailHref: pin === null ? null : `../FramePages/SearchDeatils.aspx?id=${pin}&PType=7&FType=3`,
});

describe("normaliseRow", () => {
  it("types a Full Title row and keeps the cells as displayed", () => {
    expect(normaliseRow(row(), full)).toEqual({
      roll: "gv2022",
      titleType: "full",
      rateNumber: "05100037",
      suburbId: "22136",
      suburbName: "AMANZIMTOTI",
      pin: "123456",
      detailHref: "../FramePages/SearchDeatils.aspx?id=123456&PType=7&FType=3",
      displayed: cells(),
      legalDescription: "Portion 16 of ERF 74 of AMANZIMTOTI",
      erfNumber: "74",
      portionNumber: "16",
      isRemainder: false,
      township: "AMANZIMTOTI",
      isFarm: false,
      schemeName: null,
      sectionNumber: null,
      address: "26 SOMERSET WAY, AMANZIMTOTI",
      streetNumber: "26",
      streetName: "SOMERSET WAY",
      locality: "AMANZIMTOTI",
      firstOwner: "CRUCHINHO RUI PEREIRA",
      useCode: 15,
      useDescription: "Single Residential",
      ratingCategory: "Residential",
      marketValue: 1830000,
      registeredExtent: 1634.5,
      searchText: "05100037 26 somerset way, amanzimtoti portion 16 of erf 74 of amanzimtoti",
    });
  });

  it("types a Sectional Title row and searches by its scheme name", () => {
    const normalised = normaliseRow(
      row({ legalDescription: "SS ALEC'S MEWS SECTION 5", address: "5 ALEC'S MEWS, UMHLANGA" }),
      sectional,
    );
    expect(normalised).toMatchObject({
      titleType: "sectional",
      schemeName: "SS ALEC'S MEWS",
      sectionNumber: "5",
      erfNumber: null,
      township: null,
      searchText: "05100037 5 alec's mews, umhlanga ss alec's mews section 5 ss alec's mews",
    });
  });

  it('keys a row without a rate number by its pin, "PIN:<pin>", and keeps the displayed cell empty', () => {
    const normalised = normaliseRow(row({ rateNumber: "" }, "123457"), full);
    expect(normalised.rateNumber).toBe("PIN:123457");
    expect(normalised.displayed.rateNumber).toBe("");
    expect(normalised.searchText.startsWith("pin:123457 ")).toBe(true);
  });

  it("throws LayoutError for a row with neither rate number nor pin", () => {
    expect(() => normaliseRow(row({ rateNumber: "" }, null), full)).toThrow(LayoutError);
  });

  it("turns empty cells into nulls", () => {
    const normalised = normaliseRow(
      row({ firstOwner: "", useCode: "", ratingCategory: "", marketValue: "", registeredExtent: "", address: ", TONGAAT BEACH RURAL" }),
      full,
    );
    expect(normalised).toMatchObject({
      firstOwner: null,
      useCode: null,
      useDescription: null,
      ratingCategory: null,
      marketValue: null,
      registeredExtent: null,
      address: "TONGAAT BEACH RURAL",
      streetNumber: null,
      streetName: null,
      locality: "TONGAAT BEACH RURAL",
    });
  });

  it("keeps an unparseable legal description as text with every part null", () => {
    const normalised = normaliseRow(row({ legalDescription: "STATE LAND  NEAR THE RIVER" }), full);
    expect(normalised).toMatchObject({
      legalDescription: "STATE LAND NEAR THE RIVER",
      erfNumber: null,
      portionNumber: null,
      township: null,
      schemeName: null,
      sectionNumber: null,
      isRemainder: false,
      isFarm: false,
    });
  });

  it("types NaN, negative and unreadable values as null, reports each as an odd cell and keeps the text", () => {
    const odd: OddCell[] = [];
    const nan = normaliseRow(row({ marketValue: "NaN", registeredExtent: "-1,634.5" }), full, odd);
    const unreadable = normaliseRow(row({ rateNumber: "05100038", marketValue: "R1,8m", registeredExtent: "1 ha" }), full, odd);
    expect([nan.marketValue, nan.registeredExtent, unreadable.marketValue, unreadable.registeredExtent]).toEqual([null, null, null, null]);
    expect(nan.displayed.marketValue).toBe("NaN");
    expect(odd).toEqual([
      { rateNumber: "05100037", column: "marketValue", text: "NaN" },
      { rateNumber: "05100037", column: "registeredExtent", text: "-1,634.5" },
      { rateNumber: "05100038", column: "marketValue", text: "R1,8m" },
      { rateNumber: "05100038", column: "registeredExtent", text: "1 ha" },
    ]);
  });

  it("reports no odd cell for an empty value (the site prints a zero as nothing)", () => {
    const odd: OddCell[] = [];
    expect(normaliseRow(row({ marketValue: "", registeredExtent: "" }), full, odd)).toMatchObject({ marketValue: null, registeredExtent: null });
    expect(odd).toEqual([]);
  });

  it("collapses whitespace in the search text and the owner", () => {
    const normalised = normaliseRow(row({ firstOwner: "NAIDOO   PRAVESH", legalDescription: "ERF 1  of\tX" }), full);
    expect(normalised.firstOwner).toBe("NAIDOO PRAVESH");
    expect(normalised.displayed.firstOwner).toBe("NAIDOO   PRAVESH");
    expect(normalised.searchText).toBe("05100037 26 somerset way, amanzimtoti erf 1 of x");
  });

  it("gives every field the store writes from a results row, and the task's key, and nothing more", () => {
    const written = Object.entries(VALUATION_FIELDS).filter(([, field]) => ["results-row", "task"].includes(field.source));
    expect(Object.keys(normaliseRow(row(), full)).sort()).toEqual(written.map(([name]) => name).sort());
  });
});
