import { describe, expect, it } from "vitest";
import { cacheHeaders, entityTag, isNotModified } from "./caching";

describe("caching", () => {
  const etag = entityTag("3-7-1700000000000", "/api/valuations?limit=3");
  const lastModified = new Date("2026-11-21T02:00:00.000Z");

  it("tags depend on the data and the variant", () => {
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(entityTag("3-7-1700000000000", "/api/valuations?limit=3")).toBe(etag);
    expect(entityTag("4-8-1700000001000", "/api/valuations?limit=3")).not.toBe(etag);
    expect(entityTag("3-7-1700000000000", "/api/valuations?limit=4")).not.toBe(etag);
  });

  it("matches If-None-Match weakly, in a list, or *", () => {
    const headers = (init: Record<string, string>) => new Headers(init);
    expect(isNotModified(headers({ "If-None-Match": etag }), etag, lastModified)).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": etag.slice(2) }), etag, lastModified)).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": `"other", ${etag}` }), etag, lastModified)).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": "*" }), etag, lastModified)).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": '"other"', "If-Modified-Since": lastModified.toUTCString() }), etag, lastModified)).toBe(false);
    expect(isNotModified(headers({ "If-Modified-Since": lastModified.toUTCString() }), etag, lastModified)).toBe(true);
    expect(isNotModified(headers({ "If-Modified-Since": "Fri, 20 Nov 2026 02:00:00 GMT" }), etag, lastModified)).toBe(false);
    expect(isNotModified(headers({ "If-Modified-Since": "yesterday" }), etag, lastModified)).toBe(false);
    expect(isNotModified(headers({}), etag, lastModified)).toBe(false);
  });

  it("sends Last-Modified only when there is a date", () => {
    expect(cacheHeaders(etag, null)).toEqual({ ETag: etag, "Cache-Control": "public, max-age=60, stale-while-revalidate=600" });
    expect(cacheHeaders(etag, lastModified)["Last-Modified"]).toBe("Sat, 21 Nov 2026 02:00:00 GMT");
  });
});
