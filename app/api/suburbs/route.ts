import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { publicGet } from "@/lib/api/public-get";
import { database } from "@/lib/db/client";
import { queryErrors, resolveRollParam } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { listSuburbs, suburbsQuerySchema } from "@/lib/valuations/suburbs";

export const dynamic = "force-dynamic";

export const GET = publicGet(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseQuery(suburbsQuerySchema, url.searchParams);
  const db = database();
  const resolved = resolveRollParam(url.searchParams, await rollRegistry(db));
  if (!parsed.ok || !resolved.ok) return invalidParameters(queryErrors(url.searchParams, parsed.ok ? [] : parsed.errors, resolved.ok ? [] : resolved.errors));
  const roll = resolved.roll;

  const { version, asAt } = await versionAndAsAt(db.pool, roll);
  const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}`);
  if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);
  const data = await listSuburbs(db.pool, roll);
  return Response.json({ data, meta: { roll, asAt: asAt?.toISOString() ?? null } }, { headers: cacheHeaders(etag, version.lastModified) });
});

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
