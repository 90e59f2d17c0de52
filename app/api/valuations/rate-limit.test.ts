import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";

// A small limit (5 a minute, one export counts as 5 / 2 = 3 requests) so the bucket empties fast.

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "5", RATE_LIMIT_EXPORTS_PER_MINUTE: "2" });
});
afterAll(async () => api?.close());

describe("rate limit", () => {
  it("counts per client, answers 429 with Retry-After, and exports cost more", async () => {
    const client = { "X-Forwarded-For": "203.0.113.7" };
    const remaining: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await api.get("/api/valuations?limit=1", client);
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const refused = await api.get("/api/valuations?limit=1", client);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("ratelimit-limit")).toBe("5");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");

    const other = { "X-Forwarded-For": "198.51.100.1, 203.0.113.8" };
    expect((await api.get("/api/valuations?format=csv", other)).status).toBe(200);
    const afterExport = await api.get("/api/valuations?limit=1", other);
    expect(afterExport.headers.get("ratelimit-remaining")).toBe("1");
    expect((await api.get("/api/valuations?format=ndjson", other)).status).toBe(429);
  });

  it("does not limit the health check", async () => {
    for (let i = 0; i < 10; i += 1) expect((await api.get("/api/health", { "X-Forwarded-For": "203.0.113.7" })).status).toBe(200);
  });
});
