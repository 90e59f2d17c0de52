import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { parseInput } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { toFilters } from "@/lib/valuations/list-query-schema";
import { statsQuerySchema, valuationStats } from "@/lib/valuations/valuation-stats";
import { withChanges } from "@/lib/roll-changes/stats-with-changes";

export const dynamic = "force-dynamic";

export const GET = cachedPublicGet({
  parse: async (request) => {
    const { input, roll, registry } = await parseRollInput(statsQuerySchema, new URL(request.url).searchParams);
    const { groupBy = "suburb", compare, ...filterInput } = input;
    const filters = toFilters(filterInput, roll);
    if (compare === filters.roll) throw invalidParameters([{ parameter: "compare", message: "must be another roll than roll" }]);
    return { roll: filters.roll, filters, groupBy, compare, rolls: registry.rolls };
  },
  variant: () => [config.OWNER_NAMES],
  answer: async ({ filters, groupBy, compare, rolls }, { db, meta }) => {
    const options = { ownerSearch: ownerPolicy(config.OWNER_NAMES).search };
    const stats = await valuationStats(db.pool, filters, groupBy, options);
    const data = compare === undefined ? stats : await withChanges(db.pool, stats, { filters, compare, rolls, groupBy, options });
    return { groupBy, data, meta };
  },
});

export const OPTIONS = preflightResponse;
