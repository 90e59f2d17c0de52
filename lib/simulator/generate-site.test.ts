import { describe, expect, it } from "vitest";
import { displayedCells } from "./display-property";
import { generateSite } from "./generate-site";
import type { SimProperty } from "./sim-types";

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const all = (site: ReturnType<typeof generateSite>, roll: "gv2022" | "gv2017" = "gv2022"): SimProperty[] => [...site.rolls[roll].properties()];

describe("generateSite", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = all(generateSite({ seed: 7, rows: 3000 }));
    const b = all(generateSite({ seed: 7, rows: 3000 }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = all(generateSite({ seed: 8, rows: 3000 }));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it("works at 10 rows", () => {
    const site = generateSite({ seed: 1, rows: 10 });
    expect(site.rolls.gv2022.size).toBe(10);
    expect(all(site)).toHaveLength(10);
    expect(site.suburbs).toHaveLength(3);
    expect(all(site).filter((p) => p.titleType === "sectional")).toHaveLength(2);
  });

  it("builds 5,000 rows with the expected shape", () => {
    const site = generateSite({ seed: 7, rows: 5000 });
    const props = all(site);
    expect(props).toHaveLength(5000);
    expect(site.suburbs).toHaveLength(7);
    expect(props.filter((p) => p.titleType === "sectional")).toHaveLength(1000);
    for (const s of site.suburbs) expect(String(s.id)).toMatch(/^\d{5}$/);
    expect(site.suburbs.some((s) => s.name === "AAA Testing")).toBe(false);
    const pins = new Set(props.map((p) => p.pin));
    expect(pins.size).toBe(5000);
    const rates = props.map((p) => p.rateNumber).filter((r) => r !== "");
    expect(new Set(rates).size).toBe(rates.length);
    for (const r of rates) expect(r).toMatch(/^\d{8}$/);
    for (const p of props) {
      expect(p.volumeNo).toMatch(/^(0[1-9]|[1-8]\d)$/);
      expect(p.owners[0] ?? null).toBe(p.firstOwner);
      expect(p.owners.length).toBeLessThanOrEqual(3);
    }
    const largest = Math.max(...site.suburbs.map((_, i) => site.rolls.gv2022.bucket("full", i).length));
    expect(largest).toBeGreaterThanOrEqual(1000);
  });

  it("gives every property one volume, spreads big suburbs over several, and draws PType/FType from the data", () => {
    for (const rows of [5000, 50_000]) {
      const site = generateSite({ seed: 7, rows });
      const parts = new Map<string, Map<string, number>>();
      for (const p of all(site)) {
        expect(p.volumeNo).toMatch(/^(0[1-9]|[1-8]\d)$/);
        const key = `${p.titleType}:${p.suburbId}`;
        const volumes = parts.get(key) ?? new Map<string, number>();
        volumes.set(p.volumeNo, (volumes.get(p.volumeNo) ?? 0) + 1);
        parts.set(key, volumes);
      }
      for (const s of site.suburbs) {
        expect(s.volumeNos[0]).toBe(s.volumeNo);
        expect(new Set(s.volumeNos).size).toBe(s.volumeNos.length);
      }
      const biggest = [...parts.values()].reduce((a, b) => (sum(b) > sum(a) ? b : a));
      expect(sum(biggest)).toBeGreaterThan(1000);
      // Suburb × volume splits the biggest suburb into answers under the banner's 1000 rows.
      expect(Math.max(...biggest.values())).toBeLessThan(500);
    }
    const props = all(generateSite({ seed: 7, rows: 3000 }));
    const full = props.filter((p) => p.titleType === "full");
    const sectional = props.filter((p) => p.titleType === "sectional");
    for (const p of props) {
      expect(Number.isInteger(p.propType) && p.propType > 0 && p.propType < 10).toBe(true);
      expect([1, 2, 3]).toContain(p.formType);
    }
    expect(full.filter((p) => p.propType !== 1).length).toBeGreaterThan(full.length / 2);
    expect(sectional.filter((p) => p.propType !== 2).length).toBeGreaterThan(sectional.length / 2);
    expect(new Set(props.map((p) => p.formType)).size).toBeGreaterThan(1);
  });

  it("includes every display quirk at 5,000 rows", () => {
    const cells = all(generateSite({ seed: 7, rows: 5000 })).map(displayedCells);
    const some = (column: number, pattern: RegExp) => cells.filter((c) => pattern.test(c[column] ?? "")).length;
    const legal: RegExp[] = [/^ERF \d+ of /, /^Portion \d+ of ERF \d+ of /, /^REM of ERF /, /^REM of Portion \d+ of ERF /, / of the farm /, /^SECTION \d+ of SS /, /^SS .+ SECTION \d+$/, /NO\. \d+$/];
    for (const pattern of legal) expect(some(1, pattern), String(pattern)).toBeGreaterThan(0);
    const address: RegExp[] = [/ {3,}, /, /^\S+ {2}\S/, /^, /, /^UNKNOWN, /, /^0, /, /^\d+ \d+ STREET, /, /^\d+[A-C] /];
    for (const pattern of address) expect(some(2, pattern), String(pattern)).toBeGreaterThan(0);
    const owners: RegExp[] = [/\(PTY\) LTD/, / CC$/, /^R S A$/, /'/, /&/];
    for (const pattern of owners) expect(some(3, pattern), String(pattern)).toBeGreaterThan(0);
    for (const use of ["Single Residential (15)", "Homes (Nursing etc) (20)", "Mixed Use: > 2/3 Residential (42)", "Vacant Land (47)", ""]) {
      expect(cells.some((c) => c[4] === use), use).toBe(true);
    }
    const categories = ["Residential", "Vacant Land", "PSI", "Business & Commercial", "Industrial", "Agricultural", "State Trust Land", "Unauthorised or Illegal Development/Use", ""];
    for (const category of categories) expect(cells.some((c) => c[5] === category), category).toBe(true);
    expect(some(6, /^$/)).toBeGreaterThan(0);
    expect(some(6, /^\d{1,3}(,\d{3})+$/)).toBeGreaterThan(4000);
    expect(some(7, /\.\d{1,2}$/)).toBeGreaterThan(0);
    expect(some(7, /^$/)).toBeGreaterThan(0);
  });

  it("keeps Durban-like values", () => {
    const values = all(generateSite({ seed: 3, rows: 20000 })).map((p) => p.marketValue).filter((v): v is number => v !== null);
    expect(Math.min(...values)).toBeLessThanOrEqual(50_000);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(50_000_000);
  });

  it("leaves about 1 in 2000 rate numbers empty", () => {
    const empty = all(generateSite({ seed: 7, rows: 50_000 })).filter((p) => p.rateNumber === "").length;
    expect(empty).toBeGreaterThan(5);
    expect(empty).toBeLessThan(60);
  });

  it("shares about 95 % of rate numbers between gv2022 and gv2017, with lower old values", () => {
    const site = generateSite({ seed: 7, rows: 5000 });
    const key = (p: SimProperty) => `${p.titleType}|${p.rateNumber}|${p.suburbId}|${p.erfNumber}|${p.sectionNumber}`;
    const now = new Map(all(site).map((p) => [key(p), p]));
    const before = all(site, "gv2017");
    const shared = before.filter((p) => now.has(key(p)));
    expect(shared.length / now.size).toBeGreaterThan(0.92);
    expect(shared.length / now.size).toBeLessThan(0.98);
    expect(before.length - shared.length).toBeGreaterThan(100);
    const lower = shared.filter((p) => p.marketValue !== null && p.marketValue < (now.get(key(p))?.marketValue ?? 0)).length;
    expect(lower / shared.length).toBeGreaterThan(0.7);
    expect(before.every((p) => p.roll === "gv2017")).toBe(true);
  });

  it("generates a million rows", () => {
    const site = generateSite({ seed: 7, rows: 1_000_000 });
    expect(site.rolls.gv2022.size).toBe(1_000_000);
    expect(site.suburbs.length).toBeGreaterThan(800);
    expect(site.schemes.length).toBeGreaterThan(5000);
    const first = site.rolls.gv2022.bucket("full", 0);
    expect(first.length).toBeGreaterThan(0);
    expect(first.map((p) => p.rateNumber)).toEqual(first.map((p) => p.rateNumber).sort());
  });
});
