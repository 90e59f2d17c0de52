import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { clientAddress } from "@/lib/api/client-address";
import { preflightResponse } from "@/lib/api/cors";
import { requestedFormat } from "@/lib/api/negotiate-format";
import { invalidParameters } from "@/lib/api/problem";
import { EXPORT_COST } from "@/lib/api/public-get";
import { publicLink } from "@/lib/api/public-url";
import { config } from "@/lib/config";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { CursorError } from "@/lib/valuations/cursor";
import { listQuerySchemaFor, toListQuery } from "@/lib/valuations/list-query-schema";
import { listValuations } from "@/lib/valuations/list-valuations";
import { exportResponse } from "@/lib/valuations/open-export";
import type { ValuationList } from "@/lib/valuations/valuation-schema";

export const dynamic = "force-dynamic";

const formatOf = (request: Request) => requestedFormat(new URL(request.url).searchParams, request.headers.get("accept"));

export const GET = cachedPublicGet(
  {
    parse: async (request) => {
      const { searchParams } = new URL(request.url);
      const { input, roll } = await parseRollInput(listQuerySchemaFor(ownerPolicy(config.OWNER_NAMES).inLists), searchParams);
      const query = toListQuery(input, roll);
      const format = query.format ?? formatOf(request);
      const misplaced = format === "json" ? [] : (["limit", "cursor", "total"] as const).filter((name) => searchParams.has(name));
      if (misplaced.length > 0) throw invalidParameters(misplaced.map((parameter) => ({ parameter, message: `does not apply to a ${format} export` })));
      return { ...query, roll: query.filters.roll, format };
    },
    variant: ({ format }) => [format, config.OWNER_NAMES],
    vary: "Accept",
    answer: async (query, { db, request, url, version, asAt, meta }): Promise<ValuationList | Response> => {
      const owners = ownerPolicy(config.OWNER_NAMES);
      const search = { ownerSearch: owners.search, ownersInLists: owners.inLists };
      if (query.format !== "json") return exportResponse({ ...query, format: query.format }, clientAddress(request.headers), search, asAt);
      const page = await listValuations(db.pool, query, { ...search, cursorSecret: config.CURSOR_SECRET, dataVersion: version.tag }).catch(cursorProblem);
      const next = page.nextCursor === null ? null : nextPageUrl(request.headers, url, page.nextCursor);
      const body: ValuationList = { data: page.data, next, ...(page.total !== undefined ? { total: page.total } : {}), meta };
      return next ? Response.json(body, { headers: { Link: `<${next}>; rel="next"` } }) : body;
    },
  },
  { cost: (request) => (formatOf(request) === "json" ? 1 : EXPORT_COST) },
);

export const OPTIONS = preflightResponse;

/** A cursor that does not belong to this query is the client's mistake: a 400 naming it. */
function cursorProblem(error: unknown): never {
  throw error instanceof CursorError ? invalidParameters([{ parameter: "cursor", message: error.message }]) : error;
}

/** The request's own path and query with the new cursor, at the public origin (or relative): never the bind address. */
function nextPageUrl(headers: Headers, url: URL, cursor: string): string {
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  return publicLink(headers, `${next.pathname}${next.search}`);
}
