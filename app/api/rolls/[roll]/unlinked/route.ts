import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { clientAddress } from "@/lib/api/client-address";
import { preflightResponse } from "@/lib/api/cors";
import { readInput } from "@/lib/api/parse-query";
import { ApiError, invalidParameters } from "@/lib/api/problem";
import { EXPORT_COST } from "@/lib/api/public-get";
import { unlinkedQuerySchema, unlinkedRollPathSchema } from "@/lib/roll-changes/changes-query";
import { CSV_CONTENT_TYPE, nextPath } from "@/lib/roll-changes/changes-schema";
import { streamCsv } from "@/lib/roll-changes/stream-csv";
import { linkSets } from "@/lib/roll-links/roll-links-store";
import { database } from "@/lib/db/client";
import { olderFirst } from "@/lib/rolls/roll-order";
import { queryErrors, unregisteredRolls } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { toUnlinkedProperty, unlinkedPage, unlinkedSql, type UnlinkedRow } from "@/lib/roll-links/unlinked";
import { DEFAULT_LIMIT } from "@/lib/valuations/list-query-schema";
import { openGuardedExport } from "@/lib/valuations/open-export";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ roll: string }> };

const CSV_COLUMNS = ["status", "roll", "titleType", "rateNumber", "suburbId", "suburb", "address", "legalDescription", "marketValue"] as const;
const isCsv = (request: Request) => new URL(request.url).searchParams.get("format") === "csv";

export const GET = cachedPublicGet(
  {
    parse: async (request, context: Context) => {
      const params = new URL(request.url).searchParams;
      const path = { schemas: { roll: unlinkedRollPathSchema }, values: await context.params };
      const registry = await rollRegistry(database());
      const input = readInput(unlinkedQuerySchema, params, path);
      // Both rolls must be registered: the path's (listed first) and `against`.
      const unknown = unregisteredRolls({ roll: path.values.roll, against: params.getAll("against").length === 1 ? params.get("against")! : undefined }, registry);
      if (!input.ok || unknown.length > 0) throw invalidParameters(queryErrors(params, input.ok ? [] : input.errors, unknown));
      const { roll, against = "", suburb, limit, after, format } = input.value;
      if (against === roll) throw invalidParameters([{ parameter: "against", message: "must be another roll than roll" }]);
      return { roll, against, suburb, limit, after, format, rolls: registry.rolls };
    },
    answer: async ({ roll, against, suburb, limit, after, format, rolls }, { db, request, url, meta }) => {
      const [older, newer] = olderFirst(rolls, roll, against);
      const set = (await linkSets(db.pool)).find((candidate) => candidate.fromRoll === older && candidate.toRoll === newer);
      if (!set) {
        throw new ApiError({
          type: "/problems/rolls-not-linked",
          title: "These rolls have not been linked",
          status: 409,
          detail: `${older} and ${newer} have not been linked yet, so what is new or gone is not known. A complete scrape of either links them, or: npm run link-rolls -- --from ${older} --to ${newer}.`,
        });
      }
      const status = roll === newer ? "new" : "gone";
      const query = { roll, against, status, ...(suburb !== undefined ? { suburb } : {}), afterId: after ?? null } as const;
      if (format === "csv") {
        const body = openGuardedExport(clientAddress(request.headers), (pool, guard) =>
          streamCsv<UnlinkedRow>(pool, guard, unlinkedSql({ ...query, limit: null }), CSV_COLUMNS, (row) => {
            const property = toUnlinkedProperty(row, status);
            return CSV_COLUMNS.map((column) => property[column]);
          }),
        );
        return new Response(body, {
          headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${status}-${roll}-against-${against}.csv"` },
        });
      }
      const page = await unlinkedPage(db.pool, { ...query, limit: limit ?? DEFAULT_LIMIT });
      return { data: page.data, next: nextPath(url, page.nextAfter), meta: { ...meta, against, status, linkedAt: set.linkedAt.toISOString() } };
    },
  },
  { cost: (request) => (isCsv(request) ? EXPORT_COST : 1) },
);

export const OPTIONS = preflightResponse;
