import { describe, expect, it } from "vitest";
import { displayedCells } from "./display-property";
import { generateSite, type SimSite } from "./generate-site";
import { generateSiteAt, mutationsBetween, siteAtGeneration } from "./mutate-site";

/** An independent diff: every keyed property of two generations, compared in full. */
function fullDiff(a: SimSite, b: SimSite): string[] {
  const snapshot = (site: SimSite) =>
    new Map([...site.rolls.gv2022.properties()].filter((p) => p.rateNumber !== "").map((p) => [`${p.titleType}|${p.rateNumber}`, JSON.stringify(p)]));
  const before = snapshot(a);
  const after = snapshot(b);
  const out: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) out.push(`added|${key}`);
    else if (before.get(key) !== value) out.push(`changed|${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`removed|${key}`);
  return out.sort();
}

const listed = (a: SimSite, b: SimSite) => mutationsBetween(a, b).map((m) => `${m.kind}|${m.titleType}|${m.rateNumber}`).sort();

describe("mutations", () => {
  const base = generateSite({ seed: 11, rows: 3000 });
  const g1 = siteAtGeneration(base, 1);
  const g3 = siteAtGeneration(base, 3);

  it("lists exactly what changed between generations", () => {
    expect(listed(base, g1)).toEqual(fullDiff(base, g1));
    expect(listed(base, g3)).toEqual(fullDiff(base, g3));
    expect(listed(g1, g3)).toEqual(fullDiff(g1, g3));
  });

  it("changes about 1 % per generation with a few adds and removes", () => {
    const mutations = mutationsBetween(base, g1);
    const count = (kind: string) => mutations.filter((m) => m.kind === kind).length;
    expect(count("changed")).toBeGreaterThan(15);
    expect(count("changed")).toBeLessThan(45);
    expect(count("added")).toBeGreaterThan(0);
    expect(count("removed")).toBeGreaterThan(0);
    for (const m of mutations.filter((x) => x.kind === "changed")) expect(m.fields?.length).toBeGreaterThan(0);
    expect(g1.rolls.gv2022.size).toBe(base.rolls.gv2022.size + count("added") - count("removed"));
  });

  it("names the changed fields and displayed cells", () => {
    const change = mutationsBetween(base, g1).find((m) => m.kind === "changed" && m.cells?.includes("marketValue"));
    expect(change).toBeDefined();
    const before = base.rolls.gv2022.byPin(change?.pin ?? "");
    const after = g1.rolls.gv2022.byPin(change?.pin ?? "");
    expect(change?.fields).toContain("marketValue");
    expect(displayedCells(after!)[6]).not.toBe(displayedCells(before!)[6]);
  });

  it("is deterministic and leaves gv2017 alone", () => {
    const again = generateSiteAt({ seed: 11, rows: 3000, generation: 3 });
    expect(mutationsBetween(base, again)).toEqual(mutationsBetween(base, g3));
    expect(g3.rolls.gv2017).toBe(base.rolls.gv2017);
    expect(siteAtGeneration(base, 0)).toBe(base);
  });

  it("refuses to go back in time", () => {
    expect(() => siteAtGeneration(g3, 1)).toThrow(/cannot go back/);
  });
});
