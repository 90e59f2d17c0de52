import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { publicGet } from "@/lib/api/public-get";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { queryErrors, resolveRollParam } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { toFilters } from "@/lib/valuations/list-query-schema";
import { statsQuerySchema, valuationStats } from "@/lib/valuations/valuation-stats";

export const dynamic = "force-dynamic";

export const GET = publicGet(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseQuery(statsQuerySchema, url.searchParams);
  const db = database();
  const roll = resolveRollParam(url.searchParams, await rollRegistry(db));
  if (!parsed.ok || !roll.ok) return invalidParameters(queryErrors(url.searchParams, parsed.ok ? [] : parsed.errors, roll.ok ? [] : roll.errors));
  const { groupBy = "suburb", ...filterInput } = parsed.value;
  const filters = toFilters(filterInput, roll.roll);

  const { version, asAt } = await versionAndAsAt(db.pool, filters.roll);
  const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}\n${config.OWNER_NAMES}`);
  if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);
  const data = await valuationStats(db.pool, filters, groupBy, { ownerSearch: ownerPolicy(config.OWNER_NAMES).search });
  return Response.json(
    { groupBy, data, meta: { roll: filters.roll, asAt: asAt?.toISOString() ?? null } },
    { headers: cacheHeaders(etag, version.lastModified) },
  );
});

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
