import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { config } from "@/lib/config";
import { ATOM_CONTENT_TYPE, buildAtomFeed } from "@/lib/feeds/build-atom-feed";
import { feedOrigin } from "@/lib/feeds/feed-origin";
import { canonicalFeedQuery, followedPagePath } from "@/lib/feeds/feed-paths";
import { FEED_ENTRIES, feedQuerySchema } from "@/lib/feeds/feed-query-schema";
import { feedTitle } from "@/lib/feeds/feed-title";
import { listFeedChanges } from "@/lib/feeds/list-feed-changes";
import { rollLabel } from "@/lib/rolls/roll-id";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { propertyPath } from "@/lib/search-state/search-results";
import { toFilters } from "@/lib/valuations/list-query-schema";

export const dynamic = "force-dynamic";

export const GET = cachedPublicGet({
  parse: async (request) => {
    const { input: query, roll, registry } = await parseRollInput(feedQuerySchema, new URL(request.url).searchParams);
    const { scheme, ...filterInput } = query;
    const filters = { ...toFilters({ ...filterInput, includeRemoved: true }, roll), ...(scheme !== undefined ? { scheme } : {}) };
    return { roll: filters.roll, query, filters, registry, origin: feedOrigin(request.headers) };
  },
  variant: ({ origin }) => [config.OWNER_NAMES, origin],
  answer: async ({ query, filters, registry, origin }, { db, asAt, version }) => {
    const canonical = canonicalFeedQuery(query, filters.roll);
    const changes = await listFeedChanges(db.pool, filters, FEED_ENTRIES, { ownerNames: config.OWNER_NAMES, ownerHistoryDays: config.OWNER_HISTORY_DAYS });
    const xml = buildAtomFeed({
      key: canonical,
      title: feedTitle(query, rollLabel(registry.rolls, filters.roll)),
      selfUrl: `${origin}/api/feeds?${canonical}`,
      pageUrl: `${origin}${followedPagePath(query, filters.roll)}`,
      propertyUrl: (change) => `${origin}${propertyPath({ ...change.property, roll: filters.roll }, registry.defaultRoll)}`,
      updated: changes[0]?.changedAt ?? asAt ?? version.lastModified ?? new Date(0),
      changes,
    });
    return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE } });
  },
});

export const OPTIONS = preflightResponse;
