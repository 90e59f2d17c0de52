import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { parseInput } from "@/lib/api/parse-query";
import { config } from "@/lib/config";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { toFilters } from "@/lib/valuations/list-query-schema";
import { statsQuerySchema, valuationStats } from "@/lib/valuations/valuation-stats";

export const dynamic = "force-dynamic";

export const GET = cachedPublicGet({
  parse: (request) => {
    const { groupBy = "suburb", ...filterInput } = parseInput(statsQuerySchema, new URL(request.url).searchParams);
    const filters = toFilters(filterInput, config.DEFAULT_ROLL);
    return { roll: filters.roll, filters, groupBy };
  },
  variant: () => [config.OWNER_NAMES],
  answer: async ({ filters, groupBy }, { db, meta }) => ({
    groupBy,
    data: await valuationStats(db.pool, filters, groupBy, { ownerSearch: ownerPolicy(config.OWNER_NAMES).search }),
    meta,
  }),
});

export const OPTIONS = preflightResponse;
