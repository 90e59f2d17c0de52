import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";

let api: ApiHarness;
let seed: SeedSummary;

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000" });
  seed = await seedValuations(api.db);
});
afterAll(async () => api?.close());

async function detail(path: string): Promise<ValuationDetailResponse> {
  const answer = await api.get(path);
  expect(answer.status, answer.text).toBe(200);
  return answer.json<ValuationDetailResponse>();
}

describe("GET /api/valuations/{rateNumber}", () => {
  it("answers the property with its history and its value on the other roll", async () => {
    const body = await detail(`/api/valuations/${seed.crossRoll}`);
    expect(body.data).toMatchObject({ roll: "gv2022", titleType: "full", rateNumber: seed.crossRoll, marketValue: 450_000, detail: null });
    expect(body.history.map((change) => change.kind)).toEqual(["added"]);
    expect(body.otherRolls).toEqual([
      {
        roll: "gv2017",
        titleType: "full",
        marketValue: 360_000,
        registeredExtent: 389,
        removedAt: null,
        href: `/api/valuations/${seed.crossRoll}?roll=gv2017&title=full`,
        valueChange: { from: "gv2017", to: "gv2022", absolute: 90_000, percent: 25 },
      },
    ]);
    expect(body.meta).toEqual({ roll: "gv2022", asAt: seed.lastRunFinishedAt.toISOString() });

    const older = await detail(`/api/valuations/${seed.crossRoll}?roll=gv2017`);
    expect(older.otherRolls[0]?.valueChange).toEqual({ from: "gv2017", to: "gv2022", absolute: 90_000, percent: 25 });
  });

  it("lists changes newest first, with the cells before and after", async () => {
    const body = await detail(`/api/valuations/${seed.changed[0]}?title=full`);
    expect(body.history.map((change) => change.kind)).toEqual(["changed", "added"]);
    const [changed] = body.history;
    expect(changed?.fields).toEqual(["marketValue"]);
    const before = Number(String(changed?.before?.marketValue).replaceAll(",", ""));
    const after = Number(String(changed?.after?.marketValue).replaceAll(",", ""));
    expect(after - before).toBe(25_000);
    expect(body.data.marketValue).toBe(after);
  });

  it("shows a removed property, flagged", async () => {
    const body = await detail(`/api/valuations/${seed.removed[0]}`);
    expect(body.data.removedAt).not.toBeNull();
    expect(body.history[0]?.kind).toBe("removed");
  });

  it("answers 300 with the choices when both title types have the rate number", async () => {
    const answer = await api.get(`/api/valuations/${seed.ambiguous}`);
    expect(answer.status).toBe(300);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.json<{ choices: unknown }>().choices).toEqual([
      { titleType: "full", href: `/api/valuations/${seed.ambiguous}?roll=gv2022&title=full` },
      { titleType: "sectional", href: `/api/valuations/${seed.ambiguous}?roll=gv2022&title=sectional` },
    ]);
    const sectional = await detail(`/api/valuations/${seed.ambiguous}?roll=gv2022&title=sectional`);
    expect(sectional.data.titleType).toBe("sectional");
    expect(sectional.data.schemeName).not.toBeNull();
  });

  it("answers 404 for an unknown rate number, 400 for a malformed one or a bad parameter", async () => {
    const missing = await api.get("/api/valuations/00000001");
    expect(missing.status).toBe(404);
    expect(missing.json<{ detail: string }>().detail).toBe("No property with rate number 00000001 on gv2022.");
    expect((await api.get(`/api/valuations/${seed.crossRoll}?roll=gv2012`)).status).toBe(404);
    const bad = await api.get("/api/valuations/12%3B%20DROP%20TABLE?roll=gv1999&x=1");
    expect(bad.status).toBe(400);
    expect(bad.json<{ errors: { parameter: string }[] }>().errors.map((error) => error.parameter)).toEqual(["rateNumber", "roll", "x"]);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await api.get(`/api/valuations/${seed.crossRoll}`);
    const again = await api.get(`/api/valuations/${seed.crossRoll}`, { "If-None-Match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
  });
});
