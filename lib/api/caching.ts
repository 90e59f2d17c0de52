import { createHash } from "node:crypto";

// Validators and freshness for public GETs. The entity tag combines the data version (the latest
// finished scrape run) with what selects the representation (path, query, format), so it changes
// exactly when the answer can.

export const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";

export function entityTag(dataTag: string, variant: string): string {
  return `W/"${createHash("sha256").update(`${dataTag}\n${variant}`).digest("base64url").slice(0, 27)}"`;
}

/** True when the client's copy is current: If-None-Match (weak comparison), else If-Modified-Since. */
export function isNotModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince !== null && lastModified !== null) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

export function cacheHeaders(etag: string, lastModified: Date | null): Record<string, string> {
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": CACHE_CONTROL };
  if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
  return headers;
}

export function notModifiedResponse(etag: string, lastModified: Date | null, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 304, headers: { ...cacheHeaders(etag, lastModified), ...extra } });
}
