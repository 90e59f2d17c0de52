import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { publicGet } from "@/lib/api/public-get";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { ATOM_CONTENT_TYPE, buildAtomFeed } from "@/lib/feeds/build-atom-feed";
import { feedOrigin } from "@/lib/feeds/feed-origin";
import { canonicalFeedQuery, followedPagePath } from "@/lib/feeds/feed-paths";
import { FEED_ENTRIES, feedQuerySchema } from "@/lib/feeds/feed-query-schema";
import { feedTitle } from "@/lib/feeds/feed-title";
import { listFeedChanges } from "@/lib/feeds/list-feed-changes";
import { propertyPath } from "@/lib/search-state/search-results";
import { ROLL_LABELS } from "@/lib/search-state/search-state";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { toFilters } from "@/lib/valuations/list-query-schema";

export const dynamic = "force-dynamic";

export const GET = publicGet(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseQuery(feedQuerySchema, url.searchParams);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const { scheme, ...filterInput } = parsed.value;
  const filters = { ...toFilters({ ...filterInput, includeRemoved: true }, config.DEFAULT_ROLL), ...(scheme !== undefined ? { scheme } : {}) };
  const origin = feedOrigin(request.headers);
  const canonical = canonicalFeedQuery(parsed.value, filters.roll);

  const db = database();
  const { version, asAt } = await versionAndAsAt(db.pool, filters.roll);
  const etag = entityTag(version.tag, `${url.pathname}?${canonical}\n${config.OWNER_NAMES}\n${origin}`);
  if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);

  const changes = await listFeedChanges(db.pool, filters, FEED_ENTRIES, {
    ownerNames: config.OWNER_NAMES,
    ownerHistoryDays: config.OWNER_HISTORY_DAYS,
  });
  const xml = buildAtomFeed({
    key: canonical,
    title: feedTitle(parsed.value, ROLL_LABELS[filters.roll]),
    selfUrl: `${origin}/api/feeds?${canonical}`,
    pageUrl: `${origin}${followedPagePath(parsed.value, filters.roll)}`,
    propertyUrl: (change) => `${origin}${propertyPath({ ...change.property, roll: filters.roll }, config.DEFAULT_ROLL)}`,
    updated: changes[0]?.changedAt ?? asAt ?? version.lastModified ?? new Date(0),
    changes,
  });
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, ...cacheHeaders(etag, version.lastModified) } });
});

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
