import { describe, expect, it } from "vitest";
import { generateSite } from "./generate-site";
import { trueRollLinks } from "./roll-links";
import { ROLL_STEPS, suburbUseDrift } from "./roll-drift";
import type { SimProperty } from "./sim-types";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe("values and uses between rolls", () => {
  const site = generateSite({ seed: 7, rows: 30_000 });

  /** Each unchanged property of a step as [older, newer]. */
  const pairsOf = (step: (typeof ROLL_STEPS)[number]) =>
    trueRollLinks(site, step.older, step.newer)
      .filter((l) => l.kind === "same")
      .map((l) => [site.rolls[step.older].byPin(l.from!.pin)!, site.rolls[step.newer].byPin(l.to!.pin)!] as [SimProperty, SimProperty]);

  for (const step of ROLL_STEPS) {
    describe(`${step.older} → ${step.newer}`, () => {
      const pairs = pairsOf(step);
      const valued = pairs.filter(([a, b]) => a.marketValue !== null && b.marketValue !== null && a.useCode === b.useCode);
      const ratio = ([a, b]: [SimProperty, SimProperty]) => (b.marketValue ?? 0) / (a.marketValue ?? 1);

      it("raises most values by about the step's drift, some by nothing", () => {
        expect(median(valued.map(ratio))).toBeGreaterThan(step.medianDrift * 0.9);
        expect(median(valued.map(ratio))).toBeLessThan(step.medianDrift * 1.1);
        const flat = valued.filter(([a, b]) => a.marketValue === b.marketValue).length / valued.length;
        expect(flat).toBeGreaterThan(0.05);
        expect(flat).toBeLessThan(0.2);
      });

      it("moves each suburb's residential values by that suburb's own drift", () => {
        const bySuburb = new Map<number, number[]>();
        for (const pair of valued) {
          if (pair[1].ratingCategory !== "Residential" || pair[0].marketValue! < 200_000) continue;
          bySuburb.set(pair[1].suburbId, [...(bySuburb.get(pair[1].suburbId) ?? []), ratio(pair)]);
        }
        const medians: number[] = [];
        for (const [suburbId, ratios] of bySuburb) {
          if (ratios.length < 150) continue;
          const suburbIndex = site.catalog.suburbIndexById.get(suburbId)!;
          // Flat properties (ratio 1) pull the median a little below the suburb's drift.
          const drift = suburbUseDrift(site.seed, step, suburbIndex, "Residential");
          expect(median(ratios), `suburb ${suburbId}`).toBeGreaterThan(drift * 0.95);
          expect(median(ratios), `suburb ${suburbId}`).toBeLessThan(drift * 1.03);
          medians.push(median(ratios));
        }
        expect(medians.length).toBeGreaterThanOrEqual(5);
        expect(Math.max(...medians) / Math.min(...medians)).toBeGreaterThan(1.08);
      });

      it("changes the use of a few properties, in the direction land is developed", () => {
        const changed = pairs.filter(([a, b]) => a.useCode !== b.useCode);
        expect(changed.length / pairs.length).toBeGreaterThan(0.005);
        expect(changed.length / pairs.length).toBeLessThan(0.05);
        expect(changed.filter(([a, b]) => a.ratingCategory === "Vacant Land" && b.ratingCategory === "Residential").length).toBeGreaterThan(0);
        expect(changed.every(([a, b]) => a.titleType === "full" && b.titleType === "full")).toBe(true);
      });

      it("changes some owners and keeps the rest", () => {
        const changed = pairs.filter(([a, b]) => a.firstOwner !== b.firstOwner).length / pairs.length;
        expect(changed).toBeGreaterThan(0.05);
        expect(changed).toBeLessThan(0.25);
      });
    });
  }

  it("gives suburb × use pairs their own drift", () => {
    const step = ROLL_STEPS[1]!;
    const drifts = site.suburbs.map((_, i) => suburbUseDrift(site.seed, step, i, "Residential"));
    expect(new Set(drifts).size).toBe(drifts.length);
    expect(suburbUseDrift(site.seed, step, 0, "Residential")).not.toBe(suburbUseDrift(site.seed, step, 0, "Business & Commercial"));
    expect(suburbUseDrift(site.seed, step, 0, "Residential")).toBe(suburbUseDrift(site.seed, step, 0, "Residential"));
  });
});
