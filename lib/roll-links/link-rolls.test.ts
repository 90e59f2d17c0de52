import { describe, expect, it } from "vitest";
import { linkRolls, type RollRow, type TitleType } from "./link-rolls";

const full = (rateNumber: string, legalDescription: string): RollRow => ({ titleType: "full", rateNumber, legalDescription });
const sectional = (rateNumber: string, legalDescription: string): RollRow => ({ titleType: "sectional", rateNumber, legalDescription });
const key = (rateNumber: string, titleType: TitleType = "full") => ({ titleType, rateNumber });

/** The links as "from→to method" lines, sorted, for readable expectations. */
function linkLines(fromRows: RollRow[], toRows: RollRow[]): string[] {
  return linkRolls(fromRows, toRows)
    .links.map((link) => `${link.from.rateNumber}→${link.to.rateNumber} ${link.method}`)
    .sort();
}

describe("linkRolls", () => {
  it("links the same title type and rate number with the same parcel", () => {
    const result = linkRolls([full("100", "ERF 5 of PINETOWN"), sectional("100", "SECTION 1 of SS ALEC'S MEWS")], [
      full("100", "ERF 5 OF PINETOWN"),
      sectional("100", "SS ALEC'S MEWS SECTION 1"),
    ]);
    expect(result.links).toEqual([
      { from: key("100"), to: key("100"), method: "rate-number" },
      { from: key("100", "sectional"), to: key("100", "sectional"), method: "rate-number" },
    ]);
    expect(result.gone).toEqual([]);
    expect(result.added).toEqual([]);
  });

  it("does not link a Full Title rate number to the same number in Sectional Title", () => {
    const result = linkRolls([full("100", "ERF 5 of PINETOWN")], [sectional("100", "SECTION 1 of SS ALEC'S MEWS")]);
    expect(result.links).toEqual([]);
    expect(result.gone).toEqual([key("100")]);
    expect(result.added).toEqual([key("100", "sectional")]);
  });

  it("links by rate number when a description cannot be read", () => {
    expect(linkLines([full("100", "LOT 5 PINETOWN")], [full("100", "ERF 5 of PINETOWN")])).toEqual(["100→100 rate-number"]);
  });

  it("follows a property whose rate number changed, by its parcel", () => {
    expect(
      linkLines(
        [full("100", "Portion 3 of ERF 74 of AMANZIMTOTI"), sectional("300", "SECTION 7 of SS THE PALMS")],
        [full("900", "Portion 3 of ERF 74 of AMANZIMTOTI"), sectional("901", "SS THE PALMS SECTION 7")],
      ),
    ).toEqual(["100→900 legal-description", "300→901 legal-description"]);
  });

  it("prefers the parcel to a rate number that now names another parcel", () => {
    // Rate number 100 was given to another erf; ERF 5 is now 200.
    const lines = linkLines([full("100", "ERF 5 of PINETOWN")], [full("100", "ERF 9 of PINETOWN"), full("200", "ERF 5 of PINETOWN")]);
    expect(lines).toEqual(["100→200 legal-description"]);
  });

  it("does not guess between two parcels with the same description", () => {
    const result = linkRolls([full("100", "ERF 5 of PINETOWN")], [full("200", "ERF 5 of PINETOWN"), full("201", "ERF 5 of PINETOWN")]);
    expect(result.links).toEqual([]);
    expect(result.gone).toHaveLength(1);
    expect(result.added).toHaveLength(2);
  });

  it("links an erf to the portions and remainder it was cut into (one to many)", () => {
    expect(
      linkLines(
        [full("100", "ERF 506 of KINGSBURGH"), full("101", "ERF 507 of KINGSBURGH")],
        [full("100", "REM of ERF 506 of KINGSBURGH"), full("150", "Portion 1 of ERF 506 of KINGSBURGH"), full("151", "Portion 2 of ERF 506 of KINGSBURGH"), full("101", "ERF 507 of KINGSBURGH")],
      ),
    ).toEqual(["100→100 subdivision", "100→150 subdivision", "100→151 subdivision", "101→101 rate-number"]);
  });

  it("links the pieces joined into one erf to it (many to one)", () => {
    expect(
      linkLines(
        [full("100", "Portion 1 of ERF 12 of CATO MANOR"), full("101", "Portion 2 of ERF 12 of CATO MANOR"), full("102", "REM of ERF 12 of CATO MANOR")],
        [full("100", "ERF 12 of CATO MANOR")],
      ),
    ).toEqual(["100→100 consolidation", "101→100 consolidation", "102→100 consolidation"]);
  });

  it("links one to one on an erf only when one piece is part of the other", () => {
    expect(linkLines([full("100", "ERF 12 of CATO MANOR")], [full("200", "REM of ERF 12 of CATO MANOR")])).toEqual(["100→200 subdivision"]);
    expect(linkLines([full("100", "Portion 3 of ERF 12 of CATO MANOR")], [full("200", "REM of Portion 3 of ERF 12 of CATO MANOR")])).toEqual([
      "100→200 subdivision",
    ]);
    expect(linkLines([full("100", "Portion 3 of ERF 12 of CATO MANOR")], [full("200", "Portion 4 of ERF 12 of CATO MANOR")])).toEqual([]);
  });

  it("keeps a rate number whose description was rewritten when nothing else claims either side", () => {
    expect(linkLines([full("100", "ERF 5 of PINETOWN")], [full("100", "ERF 5 of PINETOWN EXT 1")])).toEqual(["100→100 rate-number"]);
  });

  it("lists what has no link as gone and new: an erf turned into a sectional scheme", () => {
    const result = linkRolls(
      [full("100", "ERF 5 of PINETOWN"), full("101", "ERF 6 of PINETOWN")],
      [full("101", "ERF 6 of PINETOWN"), sectional("500", "SECTION 1 of SS FIVE ON MAIN"), sectional("501", "SECTION 2 of SS FIVE ON MAIN")],
    );
    expect(result.gone).toEqual([key("100")]);
    expect(result.added).toEqual([key("500", "sectional"), key("501", "sectional")]);
  });
});
