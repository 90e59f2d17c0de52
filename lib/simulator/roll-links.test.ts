import { describe, expect, it } from "vitest";
import { counterOfPin } from "./derive-property";
import { legalDescription } from "./display-property";
import { generateSite, type SimSite } from "./generate-site";
import { siteAtGeneration } from "./mutate-site";
import { trueRollLinks, type RollLinkEnd, type RollLinkKind, type TrueRollLink } from "./roll-links";
import { ROLL_STEPS } from "./roll-drift";
import type { RollId, SimProperty } from "./sim-types";

const KINDS: RollLinkKind[] = ["same", "renumbered", "subdivided", "consolidated", "new", "gone", "scheme-created"];

/** The kinds on whose `from` side one property may appear several times (one link per piece). */
const SPLITS: RollLinkKind[] = ["subdivided", "scheme-created"];

const keyOf = (end: RollLinkEnd) => `${end.titleType}|${end.rateNumber}|${end.pin}`;
const keyOfProperty = (p: SimProperty) => `${p.titleType}|${p.rateNumber}|${p.pin}`;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function propertyAt(site: SimSite, roll: RollId, end: RollLinkEnd): SimProperty {
  const p = site.rolls[roll].byPin(end.pin);
  if (!p) throw new Error(`${end.pin} is not on ${roll}`);
  return p;
}

describe("trueRollLinks", () => {
  const base = generateSite({ seed: 7, rows: 5000 });
  // A later generation has gv2022 properties added, removed and changed on top of the movement.
  const sites: [string, SimSite][] = [
    ["generation 0", base],
    ["generation 3", siteAtGeneration(base, 3)],
  ];

  for (const [name, site] of sites) {
    for (const { older, newer } of ROLL_STEPS) {
      it(`covers every property of ${older} and ${newer} exactly once on its side (${name})`, () => {
        const links = trueRollLinks(site, older, newer);
        const olderKeys = [...site.rolls[older].properties()].map(keyOfProperty).sort();
        const newerKeys = [...site.rolls[newer].properties()].map(keyOfProperty).sort();

        const fromSide = links.filter((l) => l.from !== null);
        expect([...new Set(fromSide.map((l) => keyOf(l.from!)))].sort()).toEqual(olderKeys);
        const toSide = links.filter((l) => l.to !== null);
        expect([...new Set(toSide.map((l) => keyOf(l.to!)))].sort()).toEqual(newerKeys);

        // Only the pieces of a split share a `from`, only a consolidation's erven share a `to`.
        for (const [key, count] of countBy(fromSide, (l) => keyOf(l.from!))) {
          if (count > 1) expect(fromSide.filter((l) => keyOf(l.from!) === key).every((l) => SPLITS.includes(l.kind)), key).toBe(true);
        }
        for (const [key, count] of countBy(toSide, (l) => keyOf(l.to!))) {
          if (count > 1) expect(toSide.filter((l) => keyOf(l.to!) === key).every((l) => l.kind === "consolidated"), key).toBe(true);
        }
        for (const l of links) {
          expect(l.from === null, l.kind).toBe(l.kind === "new");
          expect(l.to === null, l.kind).toBe(l.kind === "gone");
        }
      });
    }
  }

  it("gives every kind of movement a plausible share of each step", () => {
    for (const { older, newer } of ROLL_STEPS) {
      const links = trueRollLinks(base, older, newer);
      const olderSize = base.rolls[older].size;
      const froms = (kind: RollLinkKind) => new Set(links.filter((l) => l.kind === kind).map((l) => l.from?.pin)).size;
      const share = (kind: RollLinkKind) => (kind === "new" ? links.filter((l) => l.kind === kind).length : froms(kind)) / olderSize;
      const shares = Object.fromEntries(KINDS.map((k) => [k, share(k)]));
      const step = `${older} → ${newer}: ${JSON.stringify(shares)}`;
      expect(shares.same, step).toBeGreaterThan(0.88);
      expect(shares.same, step).toBeLessThan(0.97);
      for (const kind of ["renumbered", "new", "gone"] as const) {
        expect(shares[kind], `${kind} ${step}`).toBeGreaterThan(0.005);
        expect(shares[kind], `${kind} ${step}`).toBeLessThan(0.04);
      }
      for (const kind of ["subdivided", "consolidated", "scheme-created"] as const) {
        expect(shares[kind], `${kind} ${step}`).toBeGreaterThan(0);
        expect(shares[kind], `${kind} ${step}`).toBeLessThan(0.02);
      }
    }
  });

  it("keeps the legal description of an unchanged or renumbered property, and only a renumbered one changes its rate number", () => {
    for (const { older, newer } of ROLL_STEPS) {
      const links = trueRollLinks(base, older, newer).filter((l) => l.kind === "same" || l.kind === "renumbered");
      for (const l of links) {
        const before = propertyAt(base, older, l.from!);
        const after = propertyAt(base, newer, l.to!);
        expect(legalDescription(after)).toBe(legalDescription(before));
        expect(after.titleType).toBe(before.titleType);
        expect(l.to!.rateNumber === l.from!.rateNumber).toBe(l.kind === "same");
      }
      expect(links.filter((l) => l.kind === "renumbered").every((l) => l.to!.rateNumber !== "" || l.from!.rateNumber !== "")).toBe(true);
    }
  });

  it("splits a subdivided erf into portions of the same erf, and the erf leaves the roll", () => {
    for (const { older, newer } of ROLL_STEPS) {
      const groups = groupBy(trueRollLinks(base, older, newer).filter((l) => l.kind === "subdivided"), (l) => l.from!.pin);
      expect(groups.size, `${older} → ${newer}`).toBeGreaterThan(3);
      for (const links of groups.values()) {
        expect(links.length).toBeGreaterThanOrEqual(2);
        const parent = propertyAt(base, older, links[0]!.from!);
        expect(parent.titleType).toBe("full");
        expect(base.rolls[newer].byCounter(counterOf(older, parent))).toBeUndefined();
        expect(base.rolls[newer].search({ ...ALL_FULL, rateNumber: parent.rateNumber }).filter((p) => p.rateNumber === parent.rateNumber)).toEqual([]);
        const portions = links.map((l) => propertyAt(base, newer, l.to!));
        const descriptions = portions.map(legalDescription);
        expect(new Set(descriptions).size).toBe(portions.length);
        for (const portion of portions) {
          expect(portion.erfNumber).toBe(parent.erfNumber);
          expect(portion.township).toBe(parent.township);
          expect(legalDescription(portion)).toMatch(/^(REM of |Portion \d+ of )/);
          expect(legalDescription(portion)).not.toBe(legalDescription(parent));
          expect(portion.rateNumber).not.toBe(parent.rateNumber);
        }
      }
    }
  });

  it("consolidates two or three erven into one erf that is on the newer roll only", () => {
    for (const { older, newer } of ROLL_STEPS) {
      const groups = groupBy(trueRollLinks(base, older, newer).filter((l) => l.kind === "consolidated"), (l) => l.to!.pin);
      expect(groups.size, `${older} → ${newer}`).toBeGreaterThan(3);
      for (const links of groups.values()) {
        expect(links.length).toBeGreaterThanOrEqual(2);
        expect(links.length).toBeLessThanOrEqual(3);
        const result = propertyAt(base, newer, links[0]!.to!);
        expect(base.rolls[older].byCounter(counterOf(newer, result))).toBeUndefined();
        for (const l of links) {
          const member = propertyAt(base, older, l.from!);
          expect(member.suburbId).toBe(result.suburbId);
          expect(base.rolls[newer].byCounter(counterOf(older, member))).toBeUndefined();
        }
      }
    }
  });

  it("replaces a full-title erf by a new scheme whose units are on the newer roll, listed there only", () => {
    for (const { older, newer } of ROLL_STEPS) {
      const groups = groupBy(trueRollLinks(base, older, newer).filter((l) => l.kind === "scheme-created"), (l) => l.from!.pin);
      expect(groups.size, `${older} → ${newer}`).toBeGreaterThan(0);
      for (const links of groups.values()) {
        const site = propertyAt(base, older, links[0]!.from!);
        const units = links.map((l) => propertyAt(base, newer, l.to!));
        const scheme = units[0]!.schemeName;
        expect(site.titleType).toBe("full");
        expect(units.every((u) => u.titleType === "sectional" && u.schemeName === scheme && u.erfNumber === site.erfNumber)).toBe(true);
        expect(new Set(units.map((u) => u.sectionNumber)).size).toBe(units.length);
        expect(base.rolls[older].schemesListed().map((s) => s.name)).not.toContain(scheme);
        expect(base.rolls[newer].schemesListed().map((s) => s.name)).toContain(scheme);
      }
    }
  });

  it("refuses rolls that are not consecutive, older first", () => {
    expect(() => trueRollLinks(base, "gv2012", "gv2022")).toThrow(/consecutive rolls, older first \(gv2012 → gv2017 → gv2022 → gv2026\); got gv2012 → gv2022/);
    expect(() => trueRollLinks(base, "gv2022", "gv2017")).toThrow(/consecutive/);
  });

  it("is the same for the same seed", () => {
    const again = generateSite({ seed: 7, rows: 5000 });
    expect(trueRollLinks(again, "gv2022", "gv2026")).toEqual(trueRollLinks(base, "gv2022", "gv2026"));
  });
});

const ALL_FULL = {
  roll: "full",
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
} as const;

function groupBy(links: TrueRollLink[], key: (l: TrueRollLink) => string): Map<string, TrueRollLink[]> {
  const groups = new Map<string, TrueRollLink[]>();
  for (const l of links) groups.set(key(l), [...(groups.get(key(l)) ?? []), l]);
  return groups;
}

/** The identity behind a property's PIN (the same on every roll it is on). */
function counterOf(roll: RollId, p: SimProperty): number {
  const counter = counterOfPin(roll, p.pin);
  if (counter === null) throw new Error(`${p.pin} is no PIN of ${roll}`);
  return counter;
}
