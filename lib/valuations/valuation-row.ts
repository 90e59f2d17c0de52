import { API_FIELD_NAMES, VALUATION_FIELDS, type ApiFieldName, type RowOf } from "./valuation-fields";

// The columns every valuation query selects (the id, for paging, and every field the API answers),
// and the row pg returns for them.

const ROW_FIELDS: ("id" | ApiFieldName)[] = ["id", ...API_FIELD_NAMES];
export const VALUATION_COLUMNS = ROW_FIELDS.map((name) => VALUATION_FIELDS[name].column);

export type ValuationRow = RowOf<"id" | ApiFieldName>;

export function selectColumns(alias: string): string {
  return VALUATION_COLUMNS.map((column) => `${alias}.${column}`).join(", ");
}
