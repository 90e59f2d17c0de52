import { DISPLAYED_CELLS, type DisplayedCell, type DisplayedCells } from "@/lib/valuations/displayed-cells";

// What a change record compares: the eight cells as the site displays them (every typed field is
// derived from these), where the property is listed, and its profile-page id.

export type Comparable = { displayed: DisplayedCells; suburbId: string; pin: string | null };
export type ChangedField = DisplayedCell | "suburbId" | "pin";
export type FieldValues = Partial<Record<ChangedField, string | null>>;

export function changedFields(before: Comparable, after: Comparable): ChangedField[] {
  const fields: ChangedField[] = DISPLAYED_CELLS.filter((column) => before.displayed[column] !== after.displayed[column]);
  if (before.suburbId !== after.suburbId) fields.push("suburbId");
  if (before.pin !== after.pin) fields.push("pin");
  return fields;
}

export function fieldValues(row: Comparable, fields: readonly ChangedField[]): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    values[field] = field === "suburbId" ? row.suburbId : field === "pin" ? row.pin : row.displayed[field];
  }
  return values;
}
