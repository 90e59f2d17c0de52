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

  const at = (row: RollRow, streetNumber: string, streetName: string, extent: number | null = 500): RollRow => ({ ...row, suburbId: "10001", streetNumber, streetName, extent });

  it("links an erf to the units of the sectional scheme built on it, by its address", () => {
    const result = linkRolls(
      [at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD"), at(full("101", "ERF 6 of PINETOWN"), "7", "MAIN ROAD")],
      [at(sectional("500", "SECTION 1 of SS FIVE ON MAIN"), "5", "MAIN ROAD"), at(sectional("501", "SS FIVE ON MAIN SECTION 2"), "5", "MAIN ROAD")],
    );
    expect(result.links.map((link) => `${link.from.rateNumber}→${link.to.rateNumber} ${link.method}`)).toEqual(["100→500 scheme", "100→501 scheme"]);
    expect(result.gone).toEqual([key("101")]);
  });

  it("does not give a scheme an erf when the scheme was already on the older roll or two erven share the address", () => {
    const units = [at(sectional("500", "SECTION 1 of SS FIVE ON MAIN"), "5", "MAIN ROAD"), at(sectional("501", "SECTION 2 of SS FIVE ON MAIN"), "5", "MAIN ROAD")];
    expect(linkRolls([at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD"), sectional("400", "SECTION 9 of SS FIVE ON MAIN")], units).links).toEqual([]);
    expect(linkRolls([at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD"), at(full("101", "ERF 9 of PINETOWN"), "5", "MAIN ROAD")], units).links).toEqual([]);
  });

  it("links erven joined into a new erf on their street: by a shared street number or their total extent", () => {
    const sameNumber = linkRolls(
      [at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD", 400), at(full("101", "ERF 6 of PINETOWN"), "7", "MAIN ROAD", 300)],
      [at(full("900", "ERF 4410 of PINETOWN"), "5", "MAIN ROAD", 800)],
    );
    expect(sameNumber.links.map((link) => `${link.from.rateNumber}→${link.to.rateNumber} ${link.method}`)).toEqual(["100→900 consolidation", "101→900 consolidation"]);
    const sameExtent = linkRolls(
      [at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD", 400), at(full("101", "ERF 6 of PINETOWN"), "7", "MAIN ROAD", 300)],
      [at(full("900", "ERF 4410 of PINETOWN"), "9", "MAIN ROAD", 700)],
    );
    expect(sameExtent.links).toHaveLength(2);
    const neither = linkRolls(
      [at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD", 400), at(full("101", "ERF 6 of PINETOWN"), "7", "MAIN ROAD", 300)],
      [at(full("900", "ERF 4410 of PINETOWN"), "9", "MAIN ROAD", 2000)],
    );
    expect(neither.links).toEqual([]);
  });

  it("does not take an erf's pieces whose extents are far from the erf's (an erf number shared by chance)", () => {
    const whole = at(full("100", "ERF 19 of PINETOWN"), "5", "MAIN ROAD", 900);
    const pieces = [at(full("200", "REM of ERF 19 of PINETOWN"), "5", "MAIN ROAD", 450), at(full("201", "Portion 1 of ERF 19 of PINETOWN"), "7", "MAIN ROAD", 450)];
    expect(linkRolls([whole], pieces).links).toHaveLength(2);
    expect(linkRolls([whole], [...pieces, at(full("202", "Portion 807 of ERF 19 of PINETOWN"), "9", "HIGH STREET", 1750)]).links).toEqual([]);
  });

  it("links an erf to a much bigger new erf at its exact address (joined with erven elsewhere), not to one of its size", () => {
    const erf = at(full("100", "ERF 5 of PINETOWN"), "5", "MAIN ROAD", 400);
    expect(linkRolls([erf], [at(full("900", "ERF 4410 of PINETOWN"), "5", "MAIN ROAD", 1200)]).links).toEqual([
      { from: key("100"), to: key("900"), method: "consolidation" },
    ]);
    expect(linkRolls([erf], [at(full("900", "ERF 4410 of PINETOWN"), "5", "MAIN ROAD", 420)]).links).toEqual([]);
  });
});
