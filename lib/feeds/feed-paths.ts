import type { FeedQuery } from "./feed-query-schema";

// Feed and page addresses as paths: pure, so pages and the browser build the same links as the API.

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

/** The feed of a search page's filters (its API parameters without sort and paging). */
export function searchFeedPath(apiParams: URLSearchParams): string {
  const params = new URLSearchParams(apiParams);
  for (const name of ["sort", "limit", "total", "cursor", "format"]) params.delete(name);
  return `/api/feeds?${params}`;
}
