import type { CopyFieldType } from "./binary-copy-to-csv";
import { buildFilterConditions, relevanceExpressions, type SearchOptions } from "./build-filter-conditions";
import type { ValuationFilters } from "./list-query-schema";
import { SORT_FIELDS, type Sort } from "./sort-fields";
import { SqlLiterals } from "./sql-literal";
import { suppressedCondition } from "@/lib/owners/owner-suppressions";
import { csvColumns, type CsvColumn } from "./valuation-csv";

// The CSV export as one COPY statement: the listing's filters and order, and each CSV column as
// the text the JSON serialiser gives it (String(value) of the number, boolean or string; numbers and
// booleans marked so that the formula guard leaves them alone), NULL
// for null; timestamps go raw, for BinaryCopyToCsv (binary-copy-to-csv.ts) to write as
// toISOString does, which is cheaper there than to_char here. Binary format hands each field's
// bytes over unescaped.

type CopyField = { sql: string; type: CopyFieldType };

const text = (sql: string): CopyField => ({ sql, type: "text" });
const number = (sql: string): CopyField => ({ sql, type: "number" });
const timestamp = (column: string): CopyField => ({ sql: `v.${column}`, type: "timestamptz" });

const CSV_COPY_FIELDS: Record<CsvColumn, CopyField> = {
  roll: text("v.roll"),
  titleType: text("v.title_type::text"),
  rateNumber: text("v.rate_number"),
  pin: text("v.pin"),
  suburbId: text("v.suburb_id"),
  suburbName: text("v.suburb_name"),
  legalDescription: text("v.legal_description"),
  erfNumber: text("v.erf_number"),
  portionNumber: text("v.portion_number"),
  isRemainder: number("v.is_remainder::text"),
  township: text("v.township"),
  isFarm: number("v.is_farm::text"),
  schemeName: text("v.scheme_name"),
  sectionNumber: text("v.section_number"),
  address: text("v.address"),
  streetNumber: text("v.street_number"),
  streetName: text("v.street_name"),
  locality: text("v.locality"),
  // Present only where lists carry owner names; a suppressed property's owner stays out.
  firstOwner: text(`CASE WHEN ${suppressedCondition("v")} THEN NULL ELSE v.first_owner END`),
  useCode: number("v.use_code::text"),
  useDescription: text("v.use_description"),
  ratingCategory: text("v.rating_category"),
  marketValue: number("v.market_value::text"),
  // NUMERIC(14,2) prints its scale ("1374.00"); JavaScript prints the shortest form ("1374").
  registeredExtent: number("trim_scale(v.registered_extent)::text"),
  firstSeenAt: timestamp("first_seen_at"),
  lastSeenAt: timestamp("last_seen_at"),
  lastChangedAt: timestamp("last_changed_at"),
  removedAt: timestamp("removed_at"),
};

export type CsvExportOptions = SearchOptions & { ownersInLists: boolean };

/** The type of each field of the COPY, in CSV column order. */
export function csvCopyFieldTypes(ownersInLists: boolean): CopyFieldType[] {
  return csvColumns(ownersInLists).map((column) => CSV_COPY_FIELDS[column].type);
}

/**
 * The order of the listing (build-list-query.ts): sort key, then id, in the sort's direction,
 * rows without a value last; for relevance, the listing's relevance keys, then id.
 */
function orderBy(filters: ValuationFilters, sort: Sort, literals: SqlLiterals, options: SearchOptions): string {
  if (sort.kind === "relevance") {
    if (filters.q === undefined) throw new Error("relevance sort needs q");
    const { rank, score } = relevanceExpressions(filters.q, literals, options);
    return `${rank}, ${score}, v.id`;
  }
  const field = SORT_FIELDS[sort.field];
  const direction = sort.descending ? "DESC" : "ASC";
  // ASC puts NULLs last already; saying so only where needed leaves the planner its index scans.
  const nulls = field.nullable && sort.descending ? " NULLS LAST" : "";
  return `v.${field.column} ${direction}${nulls}, v.id ${direction}`;
}

export function buildCsvCopyQuery(request: { filters: ValuationFilters; sort: Sort }, options: CsvExportOptions): string {
  const literals = new SqlLiterals();
  const where = buildFilterConditions(request.filters, literals, options);
  const order = orderBy(request.filters, request.sort, literals, options);
  const columns = csvColumns(options.ownersInLists).map((column) => CSV_COPY_FIELDS[column].sql).join(", ");
  return `COPY (SELECT ${columns} FROM valuations v WHERE ${where.join(" AND ")} ORDER BY ${order}) TO STDOUT (FORMAT binary)`;
}
