import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { clientAddress } from "@/lib/api/client-address";
import { preflightResponse } from "@/lib/api/cors";
import { invalidParameters } from "@/lib/api/problem";
import { EXPORT_COST } from "@/lib/api/public-get";
import { config } from "@/lib/config";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { CHANGE_CSV_COLUMNS, changeRowsPage, changeRowsSql, toPropertyChange, type ChangeRow } from "@/lib/roll-changes/change-rows";
import { changesQuerySchema } from "@/lib/roll-changes/changes-query";
import { CSV_CONTENT_TYPE, nextPath } from "@/lib/roll-changes/changes-schema";
import { rollComparison } from "@/lib/roll-changes/compared-pairs";
import { streamCsv } from "@/lib/roll-changes/stream-csv";
import { DEFAULT_LIMIT, toFilters } from "@/lib/valuations/list-query-schema";
import { openGuardedExport } from "@/lib/valuations/open-export";

export const dynamic = "force-dynamic";

const isCsv = (request: Request) => new URL(request.url).searchParams.get("format") === "csv";

export const GET = cachedPublicGet(
  {
    parse: async (request) => {
      const { input, roll, registry } = await parseRollInput(changesQuerySchema, new URL(request.url).searchParams);
      const { against = "", limit, after, format, ...filterInput } = input;
      const filters = toFilters(filterInput, roll);
      if (against === filters.roll) throw invalidParameters([{ parameter: "against", message: "must be another roll than roll" }]);
      return { roll: filters.roll, filters, against, limit, after, format, rolls: registry.rolls };
    },
    variant: () => [config.OWNER_NAMES],
    answer: async ({ filters, against, limit, after, format, rolls }, { db, request, url, asAt, meta }) => {
      const comparison = await rollComparison(db.pool, rolls, filters.roll, against);
      const query = { filters, against, comparison, afterId: after ?? null } as const;
      const options = { ownerSearch: ownerPolicy(config.OWNER_NAMES).search };
      if (format === "csv") {
        const sql = changeRowsSql({ ...query, limit: null }, options);
        const body = openGuardedExport(clientAddress(request.headers), (pool, guard) =>
          streamCsv<ChangeRow>(pool, guard, sql, CHANGE_CSV_COLUMNS, (row) => {
            const change = toPropertyChange(row, filters.roll, against);
            return CHANGE_CSV_COLUMNS.map((column) => change[column]);
          }),
        );
        const filename = `changes-${filters.roll}-against-${against}${asAt ? `-${asAt.toISOString().slice(0, 10)}` : ""}.csv`;
        return new Response(body, { headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${filename}"` } });
      }
      const page = await changeRowsPage(db.pool, { ...query, limit: limit ?? DEFAULT_LIMIT }, options);
      return { data: page.data, next: nextPath(url, page.nextAfter), meta: { ...meta, against, basis: comparison.basis } };
    },
  },
  { cost: (request) => (isCsv(request) ? EXPORT_COST : 1) },
);

export const OPTIONS = preflightResponse;
