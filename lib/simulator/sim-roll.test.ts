import { describe, expect, it } from "vitest";
import { generateSite, type SimSite } from "./generate-site";
import { compareByRateNumber, matchesCriteria } from "./match-criteria";
import { siteAtGeneration } from "./mutate-site";
import { unsortedRows } from "./row-order";
import type { SearchCriteria, TitleType } from "./sim-types";

const NONE: Omit<SearchCriteria, "roll"> = {
  volumeNo: "",
  rateNumber: "",
  streetNo: "",
  streetName: "",
  suburb: "",
  erf: "",
  portion: "",
  deedsTown: "",
  schemeName: "",
  sectionNumber: "",
  all: false,
};

/** The answer as a full scan gives it: every property on the roll, filtered and sorted. */
function scanned(site: SimSite, c: SearchCriteria) {
  return [...site.rolls.gv2022.properties()].filter((p) => matchesCriteria(p, c)).sort(compareByRateNumber);
}

/** Suburb, volume and suburb × volume queries, alone and with another filter, for both titles. */
function sampleQueries(site: SimSite): SearchCriteria[] {
  const props = [...site.rolls.gv2022.properties()];
  const out: SearchCriteria[] = [];
  for (const roll of ["full", "sectional"] as TitleType[]) {
    const ofTitle = props.filter((p) => p.titleType === roll);
    for (const p of [ofTitle[0]!, ofTitle[Math.floor(ofTitle.length / 2)]!, ofTitle.at(-1)!]) {
      const suburb = String(p.suburbId);
      out.push(
        { ...NONE, roll, suburb },
        { ...NONE, roll, volumeNo: p.volumeNo },
        { ...NONE, roll, volumeNo: ` ${p.volumeNo} ` },
        { ...NONE, roll, suburb, volumeNo: p.volumeNo },
        { ...NONE, roll, volumeNo: p.volumeNo, rateNumber: p.rateNumber.slice(2, 5) },
        { ...NONE, roll, suburb, volumeNo: p.volumeNo, streetName: (p.streetName ?? "").slice(0, 3) },
        { ...NONE, roll, volumeNo: p.volumeNo, schemeName: p.schemeName ?? "" },
        { ...NONE, roll, suburb, volumeNo: p.volumeNo, schemeName: p.schemeName ?? "", all: true },
      );
    }
    out.push({ ...NONE, roll, volumeNo: "1" }, { ...NONE, roll, volumeNo: "90" }, { ...NONE, roll, suburb: "99999", volumeNo: "01" });
  }
  return out;
}

describe("SimRoll.search by index", () => {
  const base = generateSite({ seed: 5, rows: 4000 });
  // A later generation has added, removed and changed properties on top of the base table.
  const sites = { base, generation3: siteAtGeneration(base, 3) };

  for (const [name, site] of Object.entries(sites)) {
    it(`answers like a full scan, in both profiles' order (${name})`, () => {
      const queries = sampleQueries(site);
      let rows = 0;
      for (const c of queries) {
        const indexed = site.rolls.gv2022.search(c);
        const expected = scanned(site, c);
        expect(indexed.map((p) => p.pin), JSON.stringify(c)).toEqual(expected.map((p) => p.pin));
        expect(unsortedRows(indexed, site.seed, c).map((p) => p.pin)).toEqual(unsortedRows(expected, site.seed, c).map((p) => p.pin));
        rows += indexed.length;
      }
      expect(rows).toBeGreaterThan(1000);
      expect(queries.filter((c) => site.rolls.gv2022.search(c).length === 0).length).toBeGreaterThanOrEqual(4);
    });
  }

  it("partitions a title's roll by volume", () => {
    const roll = base.rolls.gv2022;
    for (const title of ["full", "sectional"] as TitleType[]) {
      let total = 0;
      for (let v = 1; v <= 89; v++) total += roll.search({ ...NONE, roll: title, volumeNo: String(v).padStart(2, "0") }).length;
      expect(total).toBe(roll.search({ ...NONE, roll: title }).length);
    }
  });

  it("sees an override's fields, not the base record's", () => {
    const site = sites.generation3;
    const roll = site.rolls.gv2022;
    const [counter, changed] = [...roll.changes.overrides][0]!;
    const moved = { ...changed, volumeNo: changed.volumeNo === "88" ? "89" : "88" };
    const rolled = roll.withChanges({ ...roll.changes, overrides: new Map([...roll.changes.overrides, [counter, moved]]) });
    const query = { ...NONE, roll: moved.titleType, volumeNo: moved.volumeNo };
    expect(rolled.search(query).map((p) => p.pin)).toContain(moved.pin);
    expect(rolled.search({ ...query, volumeNo: changed.volumeNo }).map((p) => p.pin)).not.toContain(moved.pin);
  });
});
