import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { listParameters } from "@/lib/valuations/list-query-schema";
import { seedValuations } from "@/lib/valuations/testing/seed";

// Random and hostile query strings: every answer is a documented 200 or 400 (the harness checks it
// against public/openapi.json), never a 500, and no request changes the data.

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_EXPORTS_PER_MINUTE: "1000000" });
  await seedValuations(api.db);
});
afterAll(async () => api?.close());

async function fingerprint(): Promise<string> {
  const { rows } = await api.db.pool.query<{ digest: string }>(
    `SELECT md5(string_agg(v::text, '' ORDER BY id)) || (SELECT count(*) FROM valuation_changes) || (SELECT count(*) FROM scrape_runs) AS digest FROM valuations v`,
  );
  return rows[0]?.digest ?? "";
}

const hostile = fc.constantFrom(
  "'; DROP TABLE valuations; --", "1 OR 1=1", "%", "_", "\\", "%00", "\u0000", "😀🏠", "ÉRF ÅÅ", "\u202e", "  ",
  "-1", "1e309", "NaN", "Infinity", "0x10", "9".repeat(40), "1.005", "true", "null", "[]", "{}", "__proto__", "constructor",
  "a".repeat(5000), "eyJoIjoiIn0.AAAA", "-marketValue", "relevance", "csv", "gv2017", "sectional", "05100037", "PIN:12",
);
const value = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.integer().map(String), fc.double().map(String));
const name = fc.oneof(fc.constantFrom(...Object.keys(listParameters)), fc.constantFrom("x", "Limit", "sort[]", "q ", ""), fc.string({ maxLength: 8 }));
const query = fc.array(fc.tuple(name, value), { maxLength: 6 });

// "." and ".." are dot segments: every URL parser, a client's included, resolves them away before a
// request is sent, so no request can carry them as a rate number.
function rateNumberSegment(value: string | undefined): string {
  return !value || value === "." || value === ".." ? "x" : value;
}

describe("fuzzing the query string", () => {
  it("answers 200 or 400 to anything, and never changes data", async () => {
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (pairs, detail) => {
        const search = new URLSearchParams(pairs).toString();
        const path = detail ? `/api/valuations/${encodeURIComponent(rateNumberSegment(pairs[0]?.[1]))}?${search}` : `/api/valuations?${search}`;
        const answer = await api.get(path);
        expect(detail ? [200, 300, 400, 404] : [200, 400]).toContain(answer.status);
      }),
      { numRuns: 200 },
    );
    expect(await fingerprint()).toBe(before);
  });

  it("survives raw, undecodable and repeated parameters", async () => {
    for (const raw of ["q=%E0%A4%A", "q=%ZZ", "limit=1&limit=2", "&&&", "=x", "q=a&q=b", "cursor=..", "sort=-", "minExtent=.5", "q=%C0%AF"]) {
      const answer = await api.get(`/api/valuations?${raw}`);
      expect([200, 400], raw).toContain(answer.status);
    }
  });
});
