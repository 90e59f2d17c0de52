import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { publicGet } from "@/lib/api/public-get";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { toFilters } from "@/lib/valuations/list-query-schema";
import { statsQuerySchema, valuationStats } from "@/lib/valuations/valuation-stats";
import { withChanges } from "@/lib/roll-changes/stats-with-changes";

export const dynamic = "force-dynamic";

export const GET = publicGet(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseQuery(statsQuerySchema, url.searchParams);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const { groupBy = "suburb", compare, ...filterInput } = parsed.value;
  const filters = toFilters(filterInput, config.DEFAULT_ROLL);
  if (compare === filters.roll) return invalidParameters([{ parameter: "compare", message: "must be another roll than roll" }]);

  const db = database();
  const { version, asAt } = await versionAndAsAt(db.pool, filters.roll);
  const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}\n${config.OWNER_NAMES}`);
  if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);
  const options = { ownerSearch: ownerPolicy(config.OWNER_NAMES).search };
  const stats = await valuationStats(db.pool, filters, groupBy, options);
  const data = compare === undefined ? stats : await withChanges(db.pool, stats, { filters, compare, groupBy, options });
  return Response.json(
    { groupBy, data, meta: { roll: filters.roll, asAt: asAt?.toISOString() ?? null } },
    { headers: cacheHeaders(etag, version.lastModified) },
  );
});

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
