import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { EXTENT_BAND_RATIOS, MAX_COMPARABLES, MIN_COMPARABLES } from "@/lib/comparables/choose-comparables";
import type { ComparablesResponse } from "@/lib/comparables/comparables-schema";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";

// GET /api/valuations/{rateNumber}/comparables on the seeded roll (1 000 real GV2022 rows, an older
// roll, sectional schemes), each answer checked against the database itself.

let api: ApiHarness;
let seed: SeedSummary;

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000" });
  seed = await seedValuations(api.db);
});
afterAll(async () => api?.close());

async function comparables(path: string): Promise<ComparablesResponse> {
  const answer = await api.get(path);
  expect(answer.status, answer.text).toBe(200);
  return answer.json<ComparablesResponse>();
}

type Row = { rate_number: string; suburb_id: string; use_code: number | null; registered_extent: string | null; market_value: string | null };

describe("GET /api/valuations/{rateNumber}/comparables", () => {
  it("compares a Full Title property with its suburb's properties of the same use in the narrowest band that holds enough", async () => {
    // The property whose suburb and use have the most company.
    const { rows: [subject] } = await api.db.pool.query<Row>(
      `SELECT v.rate_number, v.suburb_id, v.use_code, v.registered_extent, v.market_value FROM valuations v
        WHERE v.roll = 'gv2022' AND v.title_type = 'full' AND v.registered_extent > 0 AND v.market_value IS NOT NULL AND v.removed_at IS NULL
        ORDER BY (SELECT count(*) FROM valuations o WHERE o.roll = 'gv2022' AND o.suburb_id = v.suburb_id AND o.use_code = v.use_code) DESC, v.rate_number LIMIT 1`,
    );
    const body = await comparables(`/api/valuations/${subject!.rate_number}/comparables?title=full`);
    const { data } = body;
    const extent = Number(subject!.registered_extent);
    const { rows: peers } = await api.db.pool.query<Row>(
      `SELECT rate_number, suburb_id, use_code, registered_extent, market_value FROM valuations
        WHERE roll = 'gv2022' AND title_type = 'full' AND suburb_id = $1 AND use_code = $2 AND rate_number <> $3 AND removed_at IS NULL AND registered_extent > 0`,
      [subject!.suburb_id, subject!.use_code, subject!.rate_number],
    );
    const inBand = (ratio: number) => peers.filter((peer) => Number(peer.registered_extent) >= extent / ratio && Number(peer.registered_extent) <= extent * ratio);
    const ratio = EXTENT_BAND_RATIOS.find((candidate) => inBand(candidate).length >= MIN_COMPARABLES) ?? EXTENT_BAND_RATIOS.at(-1)!;
    expect(data.basis.kind).toBe("suburb-use");
    expect(data.basis.extentBand?.min).toBeCloseTo(extent / ratio, 6);
    expect(data.basis.extentBand?.max).toBeCloseTo(extent * ratio, 6);
    const expected = inBand(ratio);
    expect(data.comparables).toHaveLength(Math.min(MAX_COMPARABLES, expected.length));
    const allowed = new Set(expected.map((peer) => peer.rate_number));
    for (const comparable of data.comparables) expect(allowed.has(comparable.rateNumber), comparable.rateNumber).toBe(true);
    // Nearest in extent: nobody left out is nearer (as a ratio) than the farthest kept.
    const distance = (e: number) => Math.abs(Math.log(e / extent));
    const farthest = Math.max(...data.comparables.map((c) => distance(c.registeredExtent!)));
    const kept = new Set(data.comparables.map((c) => c.rateNumber));
    for (const peer of expected) if (!kept.has(peer.rate_number)) expect(distance(Number(peer.registered_extent))).toBeGreaterThanOrEqual(farthest);
    expect(data.basis.description).toContain(`${data.comparables.length} properties in`);
  });

  it("gives each comparable its value per m² and its change from the older roll, and the percentile of the property among them", async () => {
    const { rows: [subject] } = await api.db.pool.query<{ rate_number: string }>(
      `SELECT v.rate_number FROM valuations v JOIN valuations o ON o.roll = 'gv2017' AND o.title_type = v.title_type AND o.rate_number = v.rate_number
        WHERE v.roll = 'gv2022' AND v.title_type = 'full' AND v.registered_extent > 0 AND v.market_value IS NOT NULL AND o.market_value IS NOT NULL
        ORDER BY (SELECT count(*) FROM valuations p WHERE p.roll = 'gv2022' AND p.suburb_id = v.suburb_id AND p.use_code = v.use_code) DESC, v.rate_number LIMIT 1`,
    );
    const rateNumber = subject!.rate_number;
    const { data } = await comparables(`/api/valuations/${rateNumber}/comparables?title=full`);
    expect(data.previousRoll).toBe("gv2017");
    expect(data.comparables.length).toBeGreaterThanOrEqual(MIN_COMPARABLES);
    const { rows: older } = await api.db.pool.query<{ rate_number: string; market_value: string | null }>(
      `SELECT rate_number, market_value FROM valuations WHERE roll = 'gv2017' AND title_type = 'full' AND rate_number = ANY($1::text[])`,
      [[rateNumber, ...data.comparables.map((c) => c.rateNumber)]],
    );
    const olderValue = new Map(older.map((row) => [row.rate_number, row.market_value === null ? null : Number(row.market_value)]));
    expect(data.property.previousMarketValue).toBe(olderValue.get(rateNumber));
    expect(data.comparables.some((c) => c.previousMarketValue !== null)).toBe(true);
    for (const comparable of [data.property, ...data.comparables]) {
      expect(comparable.previousMarketValue).toBe(olderValue.get(comparable.rateNumber) ?? null);
      if (comparable.marketValue !== null && comparable.registeredExtent) expect(comparable.valuePerM2).toBeCloseTo(comparable.marketValue / comparable.registeredExtent, 1);
    }
    const perM2 = data.comparables.map((c) => c.valuePerM2).filter((value): value is number => value !== null);
    const own = data.property.valuePerM2!;
    const expected = ((perM2.filter((v) => v < own).length + perM2.filter((v) => v === own).length / 2) / perM2.length) * 100;
    expect(data.standing.comparedCount).toBe(perM2.length);
    expect(data.standing.valuePerM2Percentile).toBeCloseTo(expected, 1);
    expect(data.standing.summary.length).toBe(2);
  });

  it("compares a sectional unit with the other units of its scheme", async () => {
    const { rows: [unit] } = await api.db.pool.query<{ rate_number: string; scheme_name: string }>(
      `SELECT rate_number, scheme_name FROM valuations v WHERE roll = 'gv2022' AND title_type = 'sectional' AND scheme_name IS NOT NULL
        ORDER BY (SELECT count(*) FROM valuations o WHERE o.roll = 'gv2022' AND o.scheme_name = v.scheme_name) DESC, rate_number LIMIT 1`,
    );
    const { data } = await comparables(`/api/valuations/${unit!.rate_number}/comparables?title=sectional`);
    const { rows: others } = await api.db.pool.query<{ rate_number: string }>(
      `SELECT rate_number FROM valuations WHERE roll = 'gv2022' AND scheme_name = $1 AND removed_at IS NULL AND NOT (title_type = 'sectional' AND rate_number = $2)`,
      [unit!.scheme_name, unit!.rate_number],
    );
    expect(data.basis).toMatchObject({ kind: "scheme", extentBand: null });
    expect(data.comparables.map((c) => c.rateNumber).sort()).toEqual(others.map((row) => row.rate_number).sort().slice(0, MAX_COMPARABLES));
  });

  it("answers 300 for a rate number on both title types, 404 for an unknown one and 400 for bad parameters", async () => {
    expect((await api.get(`/api/valuations/${seed.ambiguous}/comparables`)).status).toBe(300);
    expect((await api.get("/api/valuations/99999999/comparables")).status).toBe(404);
    const bad = await api.get("/api/valuations/96150534/comparables?roll=gv1999");
    expect(bad.status).toBe(400);
  });

  it("answers 304 to a client with the current answer", async () => {
    const first = await api.get(`/api/valuations/${seed.crossRoll}/comparables?title=full`);
    const again = await api.get(`/api/valuations/${seed.crossRoll}/comparables?title=full`, { "If-None-Match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
  });
});
