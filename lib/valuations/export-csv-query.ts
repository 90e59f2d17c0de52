import type { CopyFieldType } from "./binary-copy-to-csv";
import { buildFilterConditions, relevanceExpressions, type SearchOptions } from "./build-filter-conditions";
import type { ValuationFilters } from "./list-query-schema";
import { SORT_FIELDS, type Sort } from "./sort-fields";
import { SqlLiterals } from "./sql-literal";
import { suppressedCondition } from "@/lib/owners/owner-suppressions";
import { csvColumns } from "./valuation-csv";
import { CSV_FIELD_NAMES, isPersonal, VALUATION_FIELDS, type CsvFieldName, type CsvFieldType } from "./valuation-fields";

// The CSV export as one COPY statement: the listing's filters and order, and each CSV column as
// the text the JSON serialiser gives it (String(value) of the number, boolean or string; numbers and
// booleans marked so that the formula guard leaves them alone), NULL
// for null; timestamps go raw, for BinaryCopyToCsv (binary-copy-to-csv.ts) to write as
// toISOString does, which is cheaper there than to_char here. Binary format hands each field's
// bytes over unescaped.

type CopyField = { sql: string; type: CopyFieldType };

const text = (sql: string): CopyField => ({ sql, type: "text" });
const number = (sql: string): CopyField => ({ sql, type: "number" });

/** A column of `v` as the CSV has it, by the field's type (valuation-fields.ts). */
const COPY_BY_TYPE: Record<CsvFieldType, (column: string) => CopyField> = {
  roll: text,
  title_type: (column) => text(`${column}::text`),
  text,
  integer: (column) => number(`${column}::text`),
  bigint: (column) => number(`${column}::text`),
  // NUMERIC(14,2) prints its scale ("1374.00"); JavaScript prints the shortest form ("1374").
  numeric: (column) => number(`trim_scale(${column})::text`),
  boolean: (column) => number(`${column}::text`),
  timestamptz: (sql) => ({ sql, type: "timestamptz" }),
};

function copyField(name: CsvFieldName): CopyField {
  const field = VALUATION_FIELDS[name];
  const copy = COPY_BY_TYPE[field.type](`v.${field.column}`);
  // Personal data is present only where lists carry owner names; a suppressed property's stays out.
  return isPersonal(name) ? { ...copy, sql: `CASE WHEN ${suppressedCondition("v")} THEN NULL ELSE ${copy.sql} END` } : copy;
}

const CSV_COPY_FIELDS = Object.fromEntries(CSV_FIELD_NAMES.map((name) => [name, copyField(name)])) as Record<CsvFieldName, CopyField>;

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
