import { API_FIELD_NAMES, VALUATION_FIELDS, type ApiFieldName, type FieldName, type RowOf } from "./valuation-fields";

// The columns every valuation query selects (the id, for paging, and every field the API answers),
// and the row pg returns for them; and the columns of a query that reads fewer (its row: RowOf).

const ROW_FIELDS: ("id" | ApiFieldName)[] = ["id", ...API_FIELD_NAMES];
export const VALUATION_COLUMNS = ROW_FIELDS.map((name) => VALUATION_FIELDS[name].column);

export type ValuationRow = RowOf<"id" | ApiFieldName>;

export function selectColumns(alias: string): string {
  return fieldColumns(ROW_FIELDS, alias);
}

/** The columns of the named fields, for a SELECT whose row is RowOf<those names>: "v.rate_number, v.market_value". */
export function fieldColumns(names: readonly FieldName[], alias?: string): string {
  return names.map((name) => (alias === undefined ? VALUATION_FIELDS[name].column : `${alias}.${VALUATION_FIELDS[name].column}`)).join(", ");
}
