import { describe, expect, it } from "vitest";
import { buildCatalog, localityVariant, suburbCountFor, townshipOf } from "./build-catalog";
import { loadVocabulary } from "./vocabulary";

describe("townshipOf", () => {
  it("writes numbered townships and farms like the legal descriptions", () => {
    expect(townshipOf("COTTON LANDS 1575")).toBe("COTTON LANDS NO. 1575");
    expect(townshipOf("Farm SALEM No 1052")).toBe("SALEM NO. 1052");
    expect(townshipOf("Allendale")).toBe("ALLENDALE");
  });
});

describe("localityVariant", () => {
  it("spells the locality unlike the suburb", () => {
    expect(localityVariant("NTUZUMA - G")).toBe("NTUZUMA-G");
    expect(localityVariant("UMLAZI-N")).toBe("UMLAZI - N");
    expect(localityVariant("COTTON LANDS 1575")).toBe("COTTON LANDS");
    expect(localityVariant("MPUMALANGA H")).toBe("MPUMALANGA-H");
    expect(localityVariant("TONGAAT BEACH")).toBe("TONGAAT BEACH RURAL");
  });
});

describe("buildCatalog", () => {
  it("scales the suburb count with the roll", () => {
    expect(suburbCountFor(10)).toBe(3);
    expect(suburbCountFor(50_000)).toBe(71);
    expect(suburbCountFor(10_000_000)).toBe(862);
  });

  it("gives unique 5-digit suburb ids and numeric deeds town ids", () => {
    const catalog = buildCatalog(7, 300_000, loadVocabulary());
    const ids = catalog.suburbs.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(String(id)).toMatch(/^\d{5}$/);
    const towns = catalog.deedsTowns.map((t) => t.id);
    expect(new Set(towns).size).toBe(towns.length);
    for (const s of catalog.suburbs) expect(towns).toContain(s.deedsTownId);
    const weights = [...catalog.suburbWeights].sort((a, b) => a - b);
    expect((weights.at(-1) ?? 0) / (weights[0] ?? 1)).toBeGreaterThan(100);
  });
});
