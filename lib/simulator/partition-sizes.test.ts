import { describe, expect, it } from "vitest";
import { generateSite } from "./generate-site";
import { partitionSizes } from "./partition-sizes";

describe("partitionSizes", () => {
  it("finds the biggest suburb, suburb × volume and volume, per title or both", () => {
    const roll = generateSite({ seed: 7, rows: 5000 }).rolls.gv2022;
    const both = partitionSizes(roll);
    const full = partitionSizes(roll, "full");
    const sectional = partitionSizes(roll, "sectional");
    const biggestSuburb = Math.max(...[...roll.properties()].reduce((m, p) => m.set(`${p.titleType}:${p.suburbId}`, (m.get(`${p.titleType}:${p.suburbId}`) ?? 0) + 1), new Map<string, number>()).values());
    expect(both.suburb).toBe(biggestSuburb);
    expect(both.suburb).toBe(Math.max(full.suburb, sectional.suburb));
    expect(both.suburbVolume).toBeLessThanOrEqual(both.suburb);
    expect(both.suburbVolume).toBeLessThanOrEqual(both.volume);
    // A big suburb splits by volume into small answers: the premise of suburb × volume re-reads.
    expect(both.suburbVolume * 10).toBeLessThan(both.suburb);
    expect(partitionSizes(generateSite({ seed: 1, rows: 1 }).rolls.gv2022, "sectional")).toEqual({ suburb: 0, suburbVolume: 0, volume: 0 });
  });
});
