import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { clientAddress } from "@/lib/api/client-address";
import { preflightResponse } from "@/lib/api/cors";
import { requestedFormat } from "@/lib/api/negotiate-format";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { EXPORT_COST, publicGet } from "@/lib/api/public-get";
import { publicLink } from "@/lib/api/public-url";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { queryErrors, resolveRollParam } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { CursorError } from "@/lib/valuations/cursor";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { exportFilename, EXPORT_CONTENT_TYPES } from "@/lib/valuations/export-filename";
import { openExport } from "@/lib/valuations/open-export";
import { listQuerySchemaFor, toListQuery } from "@/lib/valuations/list-query-schema";
import { listValuations } from "@/lib/valuations/list-valuations";
import type { ValuationList } from "@/lib/valuations/valuation-schema";

export const dynamic = "force-dynamic";

const isExport = (request: Request) =>
  requestedFormat(new URL(request.url).searchParams, request.headers.get("accept")) !== "json";

export const GET = publicGet(
  async (request: Request) => {
    const url = new URL(request.url);
    const owners = ownerPolicy(config.OWNER_NAMES);
    const parsed = parseQuery(listQuerySchemaFor(owners.inLists), url.searchParams);
    const db = database();
    const roll = resolveRollParam(url.searchParams, await rollRegistry(db));
    if (!parsed.ok || !roll.ok) return invalidParameters(queryErrors(url.searchParams, parsed.ok ? [] : parsed.errors, roll.ok ? [] : roll.errors));
    const query = toListQuery(parsed.value, roll.roll);
    const format = query.format ?? requestedFormat(url.searchParams, request.headers.get("accept"));
    if (format !== "json") {
      const misplaced = (["limit", "cursor", "total"] as const).filter((name) => url.searchParams.has(name));
      if (misplaced.length > 0) {
        return invalidParameters(misplaced.map((parameter) => ({ parameter, message: `does not apply to a ${format} export` })));
      }
    }

    const search = { ownerSearch: owners.search, ownersInLists: owners.inLists };
    // Two round trips: the validators (with asAt), then the page.
    const { version, asAt } = await versionAndAsAt(db.pool, query.filters.roll);
    const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}\n${format}\n${config.OWNER_NAMES}`);
    const validators = { ...cacheHeaders(etag, version.lastModified), Vary: "Accept" };
    if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified, { Vary: "Accept" });

    if (format !== "json") {
      const exported = openExport({ filters: query.filters, sort: query.sort, format }, clientAddress(request.headers), search);
      if (!exported.ok) return exported.response;
      return new Response(exported.stream, {
        headers: {
          ...validators,
          "Content-Type": EXPORT_CONTENT_TYPES[format],
          "Content-Disposition": `attachment; filename="${exportFilename(query.filters.roll, format, asAt ?? new Date())}"`,
        },
      });
    }

    let page;
    try {
      page = await listValuations(db.pool, query, { ...search, cursorSecret: config.CURSOR_SECRET, dataVersion: version.tag });
    } catch (error) {
      if (error instanceof CursorError) return invalidParameters([{ parameter: "cursor", message: error.message }]);
      throw error;
    }
    const next = page.nextCursor === null ? null : nextPageUrl(request.headers, url, page.nextCursor);
    const body: ValuationList = {
      data: page.data,
      next,
      ...(page.total !== undefined ? { total: page.total } : {}),
      meta: { roll: query.filters.roll, asAt: asAt?.toISOString() ?? null },
    };
    return Response.json(body, { headers: { ...validators, ...(next ? { Link: `<${next}>; rel="next"` } : {}) } });
  },
  { cost: (request) => (isExport(request) ? EXPORT_COST : 1) },
);

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}

/** The request's own path and query with the new cursor, at the public origin (or relative): never the bind address. */
function nextPageUrl(headers: Headers, url: URL, cursor: string): string {
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  return publicLink(headers, `${next.pathname}${next.search}`);
}
