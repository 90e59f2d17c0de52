import { csvLine } from "./csv-line";
import type { Valuation } from "./valuation-schema";

// The CSV export's columns: every typed field of a row, in the order of the JSON. The displayed
// cells and the link are left out: a spreadsheet wants one value per column.

export const CSV_COLUMNS = [
  "roll", "titleType", "rateNumber", "pin", "suburbId", "suburbName", "legalDescription", "erfNumber",
  "portionNumber", "isRemainder", "township", "isFarm", "schemeName", "sectionNumber", "address",
  "streetNumber", "streetName", "locality", "firstOwner", "useCode", "useDescription", "ratingCategory",
  "marketValue", "registeredExtent", "firstSeenAt", "lastSeenAt", "lastChangedAt", "removedAt",
] as const satisfies readonly (keyof Valuation)[];

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns of an export: firstOwner only where lists carry owner names (OWNER_NAMES=full). */
export function csvColumns(ownersInLists: boolean): readonly CsvColumn[] {
  return ownersInLists ? CSV_COLUMNS : CSV_COLUMNS.filter((column) => column !== "firstOwner");
}

export function csvHeader(ownersInLists: boolean): string {
  return csvLine(csvColumns(ownersInLists));
}

export function csvRecord(valuation: Valuation, ownersInLists: boolean): string {
  return csvLine(csvColumns(ownersInLists).map((column) => valuation[column] ?? null));
}
