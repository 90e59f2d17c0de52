import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters, problemResponse } from "@/lib/api/problem";
import { EXPORT_COST, publicGet } from "@/lib/api/public-get";
import { database } from "@/lib/db/client";
import { unlinkedQuerySchema, unlinkedRollPathSchema } from "@/lib/roll-changes/changes-query";
import { CSV_CONTENT_TYPE, nextPath } from "@/lib/roll-changes/changes-schema";
import { streamCsv } from "@/lib/roll-changes/stream-csv";
import { linkSets } from "@/lib/roll-links/roll-links-store";
import { compareRolls } from "@/lib/roll-links/roll-order";
import { toUnlinkedProperty, unlinkedPage, unlinkedSql, type UnlinkedRow } from "@/lib/roll-links/unlinked";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { DEFAULT_LIMIT } from "@/lib/valuations/list-query-schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ roll: string }> };

const CSV_COLUMNS = ["status", "roll", "titleType", "rateNumber", "suburbId", "suburb", "address", "legalDescription", "marketValue"] as const;
const isCsv = (request: Request) => new URL(request.url).searchParams.get("format") === "csv";

export const GET = publicGet(
  async (request: Request, context: Context) => {
    const url = new URL(request.url);
    const roll = unlinkedRollPathSchema.safeParse((await context.params).roll);
    const parsed = parseQuery(unlinkedQuerySchema, url.searchParams);
    const errors = [...(roll.success ? [] : [{ parameter: "roll", message: roll.error.issues[0]?.message ?? "is not valid" }]), ...(parsed.ok ? [] : parsed.errors)];
    if (!roll.success || !parsed.ok) return invalidParameters(errors);
    const { against = "", suburb, limit, after, format } = parsed.value;
    if (against === roll.data) return invalidParameters([{ parameter: "against", message: "must be another roll than roll" }]);

    const db = database();
    const { version, asAt } = await versionAndAsAt(db.pool, roll.data);
    const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}`);
    if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);
    const [older, newer] = compareRolls(roll.data, against) < 0 ? [roll.data, against] : [against, roll.data];
    const set = (await linkSets(db.pool)).find((candidate) => candidate.fromRoll === older && candidate.toRoll === newer);
    if (!set) {
      return problemResponse({
        type: "/problems/rolls-not-linked",
        title: "These rolls have not been linked",
        status: 409,
        detail: `${older} and ${newer} have not been linked yet, so what is new or gone is not known. A complete scrape of either links them, or: npm run link-rolls -- --from ${older} --to ${newer}.`,
      });
    }
    const status = roll.data === newer ? "new" : "gone";
    const query = { roll: roll.data, against, status, ...(suburb !== undefined ? { suburb } : {}), afterId: after ?? null } as const;

    if (format === "csv") {
      const body = streamCsv<UnlinkedRow>(db.pool, unlinkedSql({ ...query, limit: null }), CSV_COLUMNS, (row) => {
        const property = toUnlinkedProperty(row, status);
        return CSV_COLUMNS.map((column) => property[column]);
      });
      return new Response(body, {
        headers: {
          ...cacheHeaders(etag, version.lastModified),
          "Content-Type": CSV_CONTENT_TYPE,
          "Content-Disposition": `attachment; filename="${status}-${roll.data}-against-${against}.csv"`,
        },
      });
    }
    const page = await unlinkedPage(db.pool, { ...query, limit: limit ?? DEFAULT_LIMIT });
    return Response.json(
      { data: page.data, next: nextPath(url, page.nextAfter), meta: { roll: roll.data, against, status, linkedAt: set.linkedAt.toISOString(), asAt: asAt?.toISOString() ?? null } },
      { headers: cacheHeaders(etag, version.lastModified) },
    );
  },
  { cost: (request) => (isCsv(request) ? EXPORT_COST : 1) },
);

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
