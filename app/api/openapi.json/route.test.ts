import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";

// /api/openapi.json on publicGet: ETag and 304, CORS and its preflight, the rate limit, and a
// problem when the roll registry cannot be read. Every answer checked against public/openapi.json.

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000", TRUSTED_PROXY_HOPS: "1" });
});
afterAll(async () => api?.close());

describe("GET /api/openapi.json", () => {
  // First: the registry is read at most every few seconds per process, so a good read would hide the failure.
  it("answers a problem, not a stack, when the roll registry cannot be read", async () => {
    await api.db.pool.query("ALTER TABLE rolls RENAME TO rolls_away");
    try {
      const answer = await api.get("/api/openapi.json");
      expect(answer.status).toBe(500);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.json()).toMatchObject({ type: "/problems/internal-error", status: 500 });
      expect(answer.text).not.toContain("rolls");
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    } finally {
      await api.db.pool.query("ALTER TABLE rolls_away RENAME TO rolls");
    }
  });

  it("serves the document with an ETag, and 304 to a client whose copy is current", async () => {
    const answer = await api.get("/api/openapi.json");
    expect(answer.status).toBe(200);
    expect(answer.json<{ openapi: string; servers: { url: string }[] }>()).toMatchObject({ openapi: "3.1.0", servers: [{ url: "/" }] });
    expect(answer.headers.get("cache-control")).toBe("public, max-age=300");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(Number(answer.headers.get("ratelimit-limit"))).toBe(1_000_000);
    const etag = answer.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);

    const again = await api.get("/api/openapi.json", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await api.get("/api/openapi.json", { "If-None-Match": 'W/"another"' })).status).toBe(200);
  });

  it("gives another ETag when the document names another server", async () => {
    const here = (await api.get("/api/openapi.json")).headers.get("etag");
    const proxied = await api.get("/api/openapi.json", { "X-Forwarded-Host": "roll.example", "X-Forwarded-Proto": "https" });
    expect(proxied.headers.get("vary")).toBe("X-Forwarded-Host, X-Forwarded-Proto");
    expect(proxied.json<{ servers: { url: string }[] }>().servers).toEqual([{ url: "https://roll.example" }]);
    expect(proxied.headers.get("etag")).not.toBe(here);
  });

  it("answers a CORS preflight", async () => {
    const { OPTIONS } = await import("@/app/api/openapi.json/route");
    const preflight = await OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });
});
