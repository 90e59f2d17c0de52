import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { EXPORT_COST, publicGet } from "@/lib/api/public-get";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { CHANGE_CSV_COLUMNS, changeRowsPage, changeRowsSql, toPropertyChange, type ChangeRow } from "@/lib/roll-changes/change-rows";
import { changesQuerySchema } from "@/lib/roll-changes/changes-query";
import { CSV_CONTENT_TYPE, nextPath } from "@/lib/roll-changes/changes-schema";
import { pairLinked } from "@/lib/roll-changes/compared-pairs";
import { streamCsv } from "@/lib/roll-changes/stream-csv";
import { DEFAULT_LIMIT } from "@/lib/valuations/list-query-schema";
import { toFilters } from "@/lib/valuations/list-query-schema";
import { versionAndAsAt } from "@/lib/valuations/data-version";

export const dynamic = "force-dynamic";

const isCsv = (request: Request) => new URL(request.url).searchParams.get("format") === "csv";

export const GET = publicGet(
  async (request: Request) => {
    const url = new URL(request.url);
    const parsed = parseQuery(changesQuerySchema, url.searchParams);
    if (!parsed.ok) return invalidParameters(parsed.errors);
    const { against = "", limit, after, format, ...filterInput } = parsed.value;
    const filters = toFilters(filterInput, config.DEFAULT_ROLL);
    if (against === filters.roll) return invalidParameters([{ parameter: "against", message: "must be another roll than roll" }]);

    const db = database();
    const { version, asAt } = await versionAndAsAt(db.pool, filters.roll);
    const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}`);
    if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);
    const basis = (await pairLinked(db.pool, filters.roll, against)) ? "links" : "rate-number";
    const query = { filters, against, basis, afterId: after ?? null } as const;
    const options = { ownerSearch: ownerPolicy(config.OWNER_NAMES).search };

    if (format === "csv") {
      const sql = changeRowsSql({ ...query, limit: null }, options);
      const body = streamCsv<ChangeRow>(db.pool, sql, CHANGE_CSV_COLUMNS, (row) => {
        const change = toPropertyChange(row, filters.roll, against);
        return CHANGE_CSV_COLUMNS.map((column) => change[column]);
      });
      const filename = `changes-${filters.roll}-against-${against}${asAt ? `-${asAt.toISOString().slice(0, 10)}` : ""}.csv`;
      return new Response(body, {
        headers: { ...cacheHeaders(etag, version.lastModified), "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${filename}"` },
      });
    }
    const page = await changeRowsPage(db.pool, { ...query, limit: limit ?? DEFAULT_LIMIT }, options);
    return Response.json(
      { data: page.data, next: nextPath(url, page.nextAfter), meta: { roll: filters.roll, against, basis, asAt: asAt?.toISOString() ?? null } },
      { headers: cacheHeaders(etag, version.lastModified) },
    );
  },
  { cost: (request) => (isCsv(request) ? EXPORT_COST : 1) },
);

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
