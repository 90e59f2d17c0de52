import { z } from "zod";
import type { SearchOptions } from "@/lib/valuations/build-filter-conditions";
import type { Queryable } from "@/lib/valuations/queryable";
import { SqlParams } from "@/lib/valuations/sql-params";
import type { StatsGroup } from "@/lib/valuations/valuation-stats";
import type { RollId } from "@/lib/rolls/roll-id";
import { comparedPairs, filterConditions, type ComparedFilters, type PairBasis, type RollComparison } from "./compared-pairs";

// How market values moved between two rolls, per group: the median change in rand, the quartiles
// of the change in per cent, and how many properties went up, stayed flat or went down. Over the
// properties on both rolls with a value on each (and a positive older value, so a percentage
// exists). The change is always from the older roll to the newer, whichever is asked about.

/** A change within ±1% counts as flat: a valuer's rounding, not a movement. */
export const FLAT_PERCENT = 1;

export const ChangeSummarySchema = z
  .object({
    against: z.string().meta({ description: "The roll compared with." }),
    basis: z.enum(["links", "rate-number"]).meta({
      description: "`links`: properties matched by the stored links between the two rolls; `rate-number`: the pair was never linked, so by title type and rate number.",
    }),
    compared: z.int().meta({ description: "Properties on both rolls with a market value on each (the figures below use these)." }),
    medianChange: z.int().nullable().meta({ description: "Median change in market value, rand (newer minus older roll)." }),
    q1Percent: z.number().nullable().meta({ description: "First quartile of the change in per cent of the older value, one decimal." }),
    medianPercent: z.number().nullable().meta({ description: "Median change in per cent, one decimal." }),
    q3Percent: z.number().nullable().meta({ description: "Third quartile of the change in per cent, one decimal." }),
    up: z.int().meta({ description: `Properties whose value rose by more than ${FLAT_PERCENT}%.` }),
    flat: z.int().meta({ description: `Properties whose value changed by ${FLAT_PERCENT}% or less either way.` }),
    down: z.int().meta({ description: `Properties whose value fell by more than ${FLAT_PERCENT}%.` }),
    upShare: z.number().nullable().meta({ description: "`up` as a percentage of `compared`, one decimal." }),
    flatShare: z.number().nullable(),
    downShare: z.number().nullable(),
  })
  .meta({
    id: "ChangeSummary",
    examples: [
      {
        against: "gv2022",
        basis: "links",
        compared: 610,
        medianChange: 60000,
        q1Percent: 2.5,
        medianPercent: 12.4,
        q3Percent: 21,
        up: 540,
        flat: 40,
        down: 30,
        upShare: 88.5,
        flatShare: 6.6,
        downShare: 4.9,
      },
    ],
  });

export type ChangeSummary = z.infer<typeof ChangeSummarySchema>;
export type ChangeGroup = { key: string | number | null; label: string | null; change: ChangeSummary };

const GROUPS: Record<StatsGroup, { key: string; label: string }> = {
  suburb: { key: "v.suburb_id", label: "v.suburb_name" },
  useCode: { key: "v.use_code", label: "v.use_description" },
  ratingCategory: { key: "v.rating_category", label: "v.rating_category" },
};

type Row = {
  key: string | number | null;
  label: string | null;
  compared: number;
  up: number;
  flat: number;
  down: number;
  median_change: number | null;
  percents: (number | null)[] | null;
};

const oneDecimal = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
const share = (count: number, total: number) => (total === 0 ? null : oneDecimal((count / total) * 100));

/** A row of counts and percentiles as the API writes it (shared with the pages, so both agree). */
export function toChangeSummary(row: Omit<Row, "key" | "label">, against: RollId, basis: PairBasis): ChangeSummary {
  return {
    against,
    basis,
    compared: row.compared,
    medianChange: row.median_change === null ? null : Math.round(row.median_change),
    q1Percent: oneDecimal(row.percents?.[0]),
    medianPercent: oneDecimal(row.percents?.[1]),
    q3Percent: oneDecimal(row.percents?.[2]),
    up: row.up,
    flat: row.flat,
    down: row.down,
    upShare: share(row.up, row.compared),
    flatShare: share(row.flat, row.compared),
    downShare: share(row.down, row.compared),
  };
}

export async function changeStats(
  db: Queryable,
  filters: ComparedFilters,
  against: RollId,
  comparison: RollComparison,
  groupBy: StatsGroup | "all",
  options: SearchOptions,
): Promise<ChangeGroup[]> {
  const params = new SqlParams();
  const pairs = comparedPairs(against, comparison, params);
  const where = filterConditions(filters, params, options);
  const group = groupBy === "all" ? { key: "NULL::text", label: "NULL::text" } : GROUPS[groupBy];
  const { rows } = await db.query<Row>(
    `WITH changes AS (
       SELECT ${group.key} AS key, ${group.label} AS label,
              ${pairs.newerValue} - ${pairs.olderValue} AS change,
              ((${pairs.newerValue} - ${pairs.olderValue}) * 100.0 / ${pairs.olderValue})::float8 AS percent
         FROM ${pairs.from}
        WHERE ${where.join(" AND ")} AND ${pairs.olderValue} > 0 AND ${pairs.newerValue} IS NOT NULL
     )
     SELECT ${groupBy === "all" ? "NULL AS key, NULL AS label" : "key, min(label) AS label"}, count(*)::integer AS compared,
            count(*) FILTER (WHERE percent > ${FLAT_PERCENT})::integer AS up,
            count(*) FILTER (WHERE percent BETWEEN -${FLAT_PERCENT} AND ${FLAT_PERCENT})::integer AS flat,
            count(*) FILTER (WHERE percent < -${FLAT_PERCENT})::integer AS down,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY change) AS median_change,
            percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY percent) AS percents
       FROM changes
      ${groupBy === "all" ? "" : "GROUP BY key ORDER BY label NULLS LAST, key NULLS LAST"}`,
    params.values,
  );
  return rows.map((row) => ({ key: row.key, label: row.label, change: toChangeSummary(row, against, comparison.basis) }));
}
