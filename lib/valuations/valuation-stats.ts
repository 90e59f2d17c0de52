import { z } from "zod";
import { optionalShape } from "@/lib/api/parse-query";
import { enumParam } from "@/lib/api/query-parameters";
import { buildFilterConditions, type SearchOptions } from "./build-filter-conditions";
import { checkRanges, filterParameters, type ValuationFilters } from "./list-query-schema";
import type { Queryable } from "./queryable";
import { SqlParams } from "./sql-params";
import { ListMetaSchema } from "./valuation-schema";
import { compareParameter } from "@/lib/roll-changes/changes-query";
import { ChangeSummarySchema } from "@/lib/roll-changes/change-stats";

// GET /api/stats: market value summaries (count, min, quartiles, median, max) per suburb, use code
// or rating category, over the rows the listing's filters select.

export const STATS_GROUPS = ["suburb", "useCode", "ratingCategory"] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export const statsParameters = {
  ...filterParameters,
  groupBy: enumParam(STATS_GROUPS, { description: "What to group by (default `suburb`).", example: "ratingCategory" }),
  ...compareParameter,
};

export const statsQuerySchema = z.strictObject(optionalShape(statsParameters)).superRefine(checkRanges);

export const StatsGroupSchema = z
  .object({
    key: z.union([z.string(), z.int()]).nullable().meta({ description: "Suburb id, use code or rating category; null for rows without one." }),
    label: z.string().nullable().meta({ description: "Suburb name, use description or rating category." }),
    count: z.int().meta({ description: "Properties in the group." }),
    valued: z.int().meta({ description: "Of those, properties with a market value (the figures below use these)." }),
    min: z.int().nullable(),
    q1: z.int().nullable().meta({ description: "First quartile (continuous percentile, rounded to the rand)." }),
    median: z.int().nullable(),
    q3: z.int().nullable(),
    max: z.int().nullable(),
    change: ChangeSummarySchema.optional().meta({ description: "With `compare` only: how the group's values moved between the two rolls." }),
  })
  .meta({
    id: "StatsGroup",
    description: "Market value in whole rand.",
    examples: [{ key: "Residential", label: "Residential", count: 612, valued: 610, min: 45000, q1: 240000, median: 410000, q3: 890000, max: 12500000 }],
  });

export const StatsSchema = z
  .object({ groupBy: z.enum(STATS_GROUPS), data: z.array(StatsGroupSchema), meta: ListMetaSchema })
  .meta({ id: "Stats" });

export type StatsGroupRow = z.infer<typeof StatsGroupSchema>;

const GROUPS: Record<StatsGroup, { key: string; label: string; group: string }> = {
  suburb: { key: "v.suburb_id", label: "min(v.suburb_name)", group: "v.suburb_id" },
  useCode: { key: "v.use_code", label: "min(v.use_description)", group: "v.use_code" },
  ratingCategory: { key: "v.rating_category", label: "v.rating_category", group: "v.rating_category" },
};

const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value));

export async function valuationStats(
  db: Queryable,
  filters: ValuationFilters,
  groupBy: StatsGroup,
  options: SearchOptions,
): Promise<StatsGroupRow[]> {
  const params = new SqlParams();
  const where = buildFilterConditions(filters, params, options);
  const group = GROUPS[groupBy];
  const { rows } = await db.query<{
    key: string | number | null;
    label: string | null;
    count: number;
    valued: number;
    min: number | null;
    max: number | null;
    quartiles: (number | null)[] | null;
  }>(
    `SELECT ${group.key} AS key, ${group.label} AS label, count(*) AS count, count(v.market_value) AS valued,
            min(v.market_value) AS min, max(v.market_value) AS max,
            percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY v.market_value) AS quartiles
       FROM valuations v
      WHERE ${where.join(" AND ")}
      GROUP BY ${group.group}
      ORDER BY label NULLS LAST, key NULLS LAST`,
    params.values,
  );
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    count: row.count,
    valued: row.valued,
    min: row.min,
    q1: round(row.quartiles?.[0]),
    median: round(row.quartiles?.[1]),
    q3: round(row.quartiles?.[2]),
    max: row.max,
  }));
}
