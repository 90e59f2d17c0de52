import { describe, expect, it } from "vitest";
import { createRandom, cumulativeWeights, mixSeed, pickCumulative, shuffled } from "./random";

describe("createRandom", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => createRandom(43).next())).not.toEqual(seqA);
  });

  it("keeps int within bounds and reaches both ends", () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(1, 4));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it("honours weights", () => {
    const r = createRandom(9);
    let heavy = 0;
    for (let i = 0; i < 1000; i++) if (r.weighted(["a", "b"], [9, 1]) === "a") heavy++;
    expect(heavy).toBeGreaterThan(850);
    expect(heavy).toBeLessThan(950);
  });
});

describe("helpers", () => {
  it("mixSeed is order-sensitive and stable", () => {
    expect(mixSeed(1, 2)).toBe(mixSeed(1, 2));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });

  it("pickCumulative maps uniform numbers onto weighted indices", () => {
    const cumulative = cumulativeWeights([1, 0, 3]);
    expect(pickCumulative(cumulative, 0)).toBe(0);
    expect(pickCumulative(cumulative, 0.24)).toBe(0);
    expect(pickCumulative(cumulative, 0.26)).toBe(2);
    expect(pickCumulative(cumulative, 0.999)).toBe(2);
  });

  it("shuffled keeps every item", () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(shuffled(items, createRandom(3)).sort()).toEqual(items);
  });
});
