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

export function csvHeader(): string {
  return csvLine(CSV_COLUMNS);
}

export function csvRecord(valuation: Valuation): string {
  return csvLine(CSV_COLUMNS.map((column) => valuation[column]));
}
