import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";
import type { Valuation } from "@/lib/valuations/valuation-schema";
import type { StatsGroupRow } from "@/lib/valuations/valuation-stats";

// /api/stats, /api/suburbs and /api/health on the seeded database (/api/openapi.json: its own test).

let api: ApiHarness;
let seed: SeedSummary;
let rows: Valuation[];

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_EXPORTS_PER_MINUTE: "1000" });
  seed = await seedValuations(api.db);
  const answer = await api.get("/api/valuations?format=ndjson");
  rows = answer.text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as Valuation);
});
afterAll(async () => api?.close());

/** Continuous percentile, as PostgreSQL's percentile_cont, rounded to the rand. */
function percentile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return Math.round(sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low));
}

describe("GET /api/stats", () => {
  it("summarises market values per rating category", async () => {
    const answer = await api.get("/api/stats?groupBy=ratingCategory&title=full");
    expect(answer.status).toBe(200);
    const body = answer.json<{ groupBy: string; data: StatsGroupRow[] }>();
    expect(body.groupBy).toBe("ratingCategory");
    const residential = body.data.find((group) => group.key === "Residential")!;
    const values = rows
      .filter((row) => row.titleType === "full" && row.ratingCategory === "Residential" && row.marketValue !== null)
      .map((row) => row.marketValue!)
      .sort((a, b) => a - b);
    expect(residential).toEqual({
      key: "Residential",
      label: "Residential",
      count: rows.filter((row) => row.titleType === "full" && row.ratingCategory === "Residential").length,
      valued: values.length,
      min: values[0],
      q1: percentile(values, 0.25),
      median: percentile(values, 0.5),
      q3: percentile(values, 0.75),
      max: values[values.length - 1],
    });
    expect(body.data.reduce((sum, group) => sum + group.count, 0)).toBe(rows.filter((row) => row.titleType === "full").length);
  });

  it("groups by suburb (default) and by use code, with the list's filters", async () => {
    const bySuburb = (await api.get("/api/stats?q=pinetown")).json<{ groupBy: string; data: StatsGroupRow[] }>();
    expect(bySuburb.groupBy).toBe("suburb");
    expect(bySuburb.data.find((group) => group.label === "PINETOWN")?.count).toBeGreaterThan(0);
    const byUse = (await api.get("/api/stats?groupBy=useCode")).json<{ data: StatsGroupRow[] }>();
    expect(byUse.data.find((group) => group.key === 15)?.label).toBe("Single Residential");
    expect(byUse.data.some((group) => group.key === null)).toBe(true);
  });

  it("rejects bad parameters", async () => {
    const answer = await api.get("/api/stats?groupBy=owner&sort=marketValue");
    expect(answer.status).toBe(400);
    expect(answer.json<{ errors: { parameter: string }[] }>().errors.map((error) => error.parameter).sort()).toEqual(["groupBy", "sort"]);
  });
});

describe("GET /api/suburbs", () => {
  it("lists suburbs with counts per title type, removed rows not counted", async () => {
    const answer = await api.get("/api/suburbs");
    expect(answer.status).toBe(200);
    const body = answer.json<{ data: { id: string; name: string; counts: { full: number; sectional: number; total: number } }[] }>();
    const total = body.data.reduce((sum, suburb) => sum + suburb.counts.total, 0);
    expect(total).toBe(seed.counts["gv2022:full"]! + seed.counts["gv2022:sectional"]! - seed.removed.length);
    const pinetown = body.data.find((suburb) => suburb.name === "PINETOWN")!;
    expect(pinetown.counts.full).toBe(rows.filter((row) => row.suburbName === "PINETOWN" && row.titleType === "full").length);
    expect(pinetown.counts.sectional).toBe(rows.filter((row) => row.suburbName === "PINETOWN" && row.titleType === "sectional").length);
    const names = body.data.map((suburb) => suburb.name);
    expect(names).toEqual([...names].sort());
    expect((await api.get("/api/suburbs?roll=gv2017")).json<{ meta: { roll: string } }>().meta.roll).toBe("gv2017");
    expect((await api.get("/api/suburbs?title=full")).status).toBe(400);
  });
});

describe("GET /api/health", () => {
  it("answers without the database and is not rate limited", async () => {
    const health = await api.get("/api/health");
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    expect(health.headers.get("ratelimit-limit")).toBeNull();
  });
});
