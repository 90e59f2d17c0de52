import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";
import type { ValuationList } from "@/lib/valuations/valuation-schema";

// Latency under load is mostly queueing for the pool, so each answer's statements are counted:
// the data version with the roll's asAt, then the answer itself. Every request also takes from its
// client's rate-limit bucket (shared by the instances, in PostgreSQL): one statement, counted apart;
// so is the roll registry's read (lib/rolls), at most one every ROLL_REGISTRY_TTL_MS per process.

let api: ApiHarness;
let seed: SeedSummary;

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000" });
  seed = await seedValuations(api.db);
});
afterAll(async () => api?.close());
afterEach(() => vi.restoreAllMocks());

/** The answer, and how many statements the route sent to the pool for it (besides the rate limit's). */
async function counted(path: string, headers: HeadersInit = {}) {
  const query = vi.spyOn(api.db.pool, "query");
  const answer = await api.get(path, headers);
  const sql = query.mock.calls.map((call) => String(typeof call[0] === "string" ? call[0] : (call[0] as { text?: string }).text));
  query.mockRestore();
  // The take, and (at most once a minute) the deletion of full buckets.
  expect(sql.filter((text) => /INSERT INTO rate_limit_buckets/.test(text))).toHaveLength(1);
  expect(sql.filter((text) => /AS "hasCompleteRun"/.test(text)).length).toBeLessThanOrEqual(1);
  return { answer, statements: sql.filter((text) => !/rate_limit_buckets|AS "hasCompleteRun"/.test(text)).length };
}

describe("statements per request", () => {
  it("detail: two (version with asAt, then the property with its history and other rolls); a 304 one", async () => {
    const { answer, statements } = await counted(`/api/valuations/${seed.crossRoll}`);
    expect(answer.status).toBe(200);
    expect(statements).toBe(2);
    const body = answer.json<ValuationDetailResponse>();
    expect(body.meta.asAt).toBe(seed.lastRunFinishedAt.toISOString());
    expect(body.otherRolls.map((other) => other.roll)).toEqual(["gv2017"]);
    expect(body.history[0]?.changedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const again = await counted(`/api/valuations/${seed.crossRoll}`, { "If-None-Match": answer.headers.get("etag")! });
    expect(again.answer.status).toBe(304);
    expect(again.statements).toBe(1);
  });

  it("detail of a removed property on the other roll gives removedAt as an ISO instant", async () => {
    const removedAt = new Date("2026-05-06T07:08:09.012Z");
    await api.db.pool.query(`UPDATE valuations SET removed_at = $2 WHERE roll = 'gv2017' AND rate_number = $1`, [seed.crossRoll, removedAt]);
    const { answer } = await counted(`/api/valuations/${seed.crossRoll}`);
    expect(answer.json<ValuationDetailResponse>().otherRolls[0]?.removedAt).toBe(removedAt.toISOString());
    await api.db.pool.query(`UPDATE valuations SET removed_at = NULL WHERE roll = 'gv2017' AND rate_number = $1`, [seed.crossRoll]);
  });

  it("list: two; with total=true the count is a third, once per data version", async () => {
    expect((await counted("/api/valuations?limit=5")).statements).toBe(2);

    const first = await counted("/api/valuations?limit=5&title=full&total=true");
    expect(first.statements).toBe(3);
    const total = first.answer.json<ValuationList>().total;
    expect(total).toBe(seed.counts["gv2022:full"]! - seed.removed.length);
    const again = await counted("/api/valuations?total=true&title=full&limit=5");
    expect(again.statements).toBe(2);
    expect(again.answer.json<ValuationList>().total).toBe(total);

    // A finished run is a new data version: the total is counted afresh.
    await api.db.pool.query(`UPDATE valuations SET removed_at = now() WHERE roll = 'gv2022' AND title_type = 'full' AND rate_number = $1`, [seed.crossRoll]);
    await api.db.pool.query(
      `INSERT INTO scrape_runs (roll, trigger, status, base_url, options, finished_at) VALUES ('gv2022', 'cli', 'succeeded', 'http://x/', '{}', now())`,
    );
    const fresh = await counted("/api/valuations?limit=5&title=full&total=true");
    expect(fresh.statements).toBe(3);
    expect(fresh.answer.json<ValuationList>().total).toBe(total! - 1);
  });
});
