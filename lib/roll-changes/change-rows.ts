import { z } from "zod";
import type { SearchOptions } from "@/lib/valuations/build-filter-conditions";
import type { Queryable } from "@/lib/valuations/queryable";
import { SqlParams } from "@/lib/valuations/sql-params";
import type { RollId } from "@/lib/rolls/roll-id";
import { comparedPairs, filterConditions, type ComparedFilters, type RollComparison } from "./compared-pairs";

// The properties behind the change figures, one row each with both values: GET /api/changes (a
// page of JSON, or every row as CSV).

export const PropertyChangeSchema = z
  .object({
    roll: z.string(),
    titleType: z.enum(["full", "sectional"]),
    rateNumber: z.string(),
    suburb: z.string(),
    legalDescription: z.string(),
    useDescription: z.string().nullable(),
    ratingCategory: z.string().nullable(),
    marketValue: z.int().nullable().meta({ description: "On `roll`, whole rand." }),
    against: z.string(),
    againstTitleType: z.enum(["full", "sectional"]),
    againstRateNumber: z.string().meta({ description: "The same property's rate number on `against` (it can differ)." }),
    againstMarketValue: z.int().nullable(),
    againstRatingCategory: z.string().nullable(),
    change: z.int().nullable().meta({ description: "Newer minus older roll's value, rand; null when either is missing." }),
    changePercent: z.number().nullable().meta({ description: "That change in per cent of the older value, one decimal." }),
  })
  .meta({ id: "PropertyChange" });

export type PropertyChange = z.infer<typeof PropertyChangeSchema>;

export const CHANGE_CSV_COLUMNS = Object.keys(PropertyChangeSchema.shape) as (keyof PropertyChange)[];

type Row = {
  id: number;
  title_type: "full" | "sectional";
  rate_number: string;
  suburb_name: string;
  legal_description: string;
  use_description: string | null;
  rating_category: string | null;
  market_value: number | null;
  o_title_type: "full" | "sectional";
  o_rate_number: string;
  o_market_value: number | null;
  o_rating_category: string | null;
  change: number | null;
  change_percent: number | null;
};

export type ChangeRowsQuery = { filters: ComparedFilters; against: RollId; comparison: RollComparison; limit: number | null; afterId: string | null };

/** The statement, for a page (limit) or a whole export (no limit, read through a cursor). */
export function changeRowsSql(query: ChangeRowsQuery, options: SearchOptions): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const pairs = comparedPairs(query.against, query.comparison, params);
  const where = filterConditions(query.filters, params, options);
  if (query.afterId !== null) where.push(`v.id > ${params.add(query.afterId, "bigint")}`);
  const change = `${pairs.newerValue} - ${pairs.olderValue}`;
  return {
    text: `SELECT v.id, v.title_type, v.rate_number, v.suburb_name, v.legal_description, v.use_description, v.rating_category, v.market_value,
                  o.title_type AS o_title_type, o.rate_number AS o_rate_number, o.market_value AS o_market_value, o.rating_category AS o_rating_category,
                  ${change} AS change,
                  CASE WHEN ${pairs.olderValue} > 0 THEN round((${change}) * 100.0 / ${pairs.olderValue}, 1)::float8 END AS change_percent
             FROM ${pairs.from}
            WHERE ${where.join(" AND ")}
            ORDER BY v.id${query.limit === null ? "" : ` LIMIT ${params.add(query.limit, "integer")}`}`,
    values: params.values,
  };
}

export function toPropertyChange(row: Row, roll: RollId, against: RollId): PropertyChange {
  return {
    roll,
    titleType: row.title_type,
    rateNumber: row.rate_number,
    suburb: row.suburb_name,
    legalDescription: row.legal_description,
    useDescription: row.use_description,
    ratingCategory: row.rating_category,
    marketValue: row.market_value,
    against,
    againstTitleType: row.o_title_type,
    againstRateNumber: row.o_rate_number,
    againstMarketValue: row.o_market_value,
    againstRatingCategory: row.o_rating_category,
    change: row.change,
    changePercent: row.change_percent,
  };
}

/** One page, ordered by an internal id; `nextAfter` continues it (null on the last page). */
export async function changeRowsPage(db: Queryable, query: ChangeRowsQuery & { limit: number }, options: SearchOptions): Promise<{ data: PropertyChange[]; nextAfter: string | null }> {
  const sql = changeRowsSql({ ...query, limit: query.limit + 1 }, options);
  const { rows } = await db.query<Row>(sql.text, sql.values);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((row) => toPropertyChange(row, query.filters.roll, query.against)),
    nextAfter: rows.length > query.limit && page.length > 0 ? String(page.at(-1)?.id) : null,
  };
}

export type { Row as ChangeRow };
