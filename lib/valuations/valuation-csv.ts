import { csvLine } from "./csv-line";
import { CSV_FIELD_NAMES, isPersonal, type CsvFieldName } from "./valuation-fields";
import type { Valuation } from "./valuation-schema";

// The CSV export's columns: every field of a row that is one value (valuation-fields.ts), in the
// order of the JSON, headed by its name. The displayed cells and the link are left out: a
// spreadsheet wants one value per column.

const PUBLIC_CSV_FIELD_NAMES = CSV_FIELD_NAMES.filter((name) => !isPersonal(name));

/** The columns of an export: personal data (firstOwner) only where lists carry owner names (OWNER_NAMES=full). */
export function csvColumns(ownersInLists: boolean): readonly CsvFieldName[] {
  return ownersInLists ? CSV_FIELD_NAMES : PUBLIC_CSV_FIELD_NAMES;
}

export function csvHeader(ownersInLists: boolean): string {
  return csvLine(csvColumns(ownersInLists));
}

export function csvRecord(valuation: Valuation, ownersInLists: boolean): string {
  return csvLine(csvColumns(ownersInLists).map((column) => valuation[column] ?? null));
}
