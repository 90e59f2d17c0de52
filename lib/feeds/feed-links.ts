import { publicOrigin } from "@/lib/api/public-url";
import type { FeedQuery } from "./feed-query-schema";

// The addresses a feed names. Feed readers need absolute links: the public origin when it is known
// (PUBLIC_URL or a trusted proxy), else the host the reader asked for.

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function feedOrigin(headers: Headers): string {
  const known = publicOrigin(headers);
  if (known !== null) return known;
  const host = headers.get("host") ?? "";
  return HOST.test(host) ? `http://${host}` : "http://localhost";
}

/** The query in a stable order, with the roll always named: one feed, one address, one id. */
export function canonicalFeedQuery(query: FeedQuery, roll: string): string {
  const entries = Object.entries({ ...query, roll })
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, String(value)] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

/** The page a feed follows: the property's own page for one property, else the search page with the same filters. */
export function followedPagePath(query: FeedQuery, roll: string): string {
  const { rateNumber, scheme, ...rest } = query;
  if (rateNumber !== undefined && /^(\d{8}|PIN:\d+)$/.test(rateNumber) && scheme === undefined) {
    const params = new URLSearchParams({ roll, ...(rest.title !== undefined ? { title: rest.title } : {}) });
    return `/valuations/${encodeURIComponent(rateNumber)}?${params}`;
  }
  const params = new URLSearchParams();
  params.set("roll", roll);
  const q = scheme ?? rest.q ?? (rateNumber !== undefined ? rateNumber : undefined);
  if (q !== undefined) params.set("q", q);
  for (const name of ["title", "suburb", "useCode", "ratingCategory", "minValue", "maxValue", "minExtent", "maxExtent"] as const) {
    const value = rest[name];
    if (value !== undefined) params.set(name, String(value));
  }
  return `/?${params}`;
}

/** `/api/feeds?…` for a page's filters (API parameter names); empty values left out. */
export function feedPath(parameters: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== "") params.set(name, String(value));
  }
  return `/api/feeds?${params}`;
}
