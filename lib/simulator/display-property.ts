import { formatExtent, formatMarketValue } from "./format-number";
import type { SimProperty } from "./sim-types";

/** Width the live database pads some street names to (`BRAESIDE ROAD` + spaces = 32). */
const PADDED_STREET_WIDTH = 32;

/** The 8 result-table columns in the site's order. */
export const RESULT_COLUMNS = [
  "rateNumber",
  "legalDescription",
  "address",
  "firstOwner",
  "useCode",
  "ratingCategory",
  "marketValue",
  "registeredExtent",
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** `ERF 18288 of PINETOWN`, `REM of Portion 11 of ERF 1 of the farm X`, `SECTION 5 of SS X`, … */
export function legalDescription(p: SimProperty): string {
  if (p.titleType === "sectional") {
    return p.sectionalLayout === "scheme-first"
      ? `${p.schemeName ?? ""} SECTION ${p.sectionNumber ?? ""}`
      : `SECTION ${p.sectionNumber ?? ""} of ${p.schemeName ?? ""}`;
  }
  const parts: string[] = [];
  if (p.isRemainder) parts.push("REM of ");
  if (p.portionNumber !== null) parts.push(`Portion ${p.portionNumber} of `);
  parts.push(`ERF ${p.erfNumber} of `);
  parts.push(p.isFarm ? `the farm ${p.township}` : p.township);
  return parts.join("");
}

/** `<street no> <street name>, <locality>` with the live site's padding quirks. */
export function displayedAddress(p: SimProperty): string {
  let street: string;
  if (p.streetNumber !== null && p.streetName !== null) {
    const gap = p.addressLayout === "double-space" ? "  " : " ";
    const name = p.addressLayout === "padded" ? p.streetName.padEnd(PADDED_STREET_WIDTH) : p.streetName;
    street = `${p.streetNumber}${gap}${name}`;
  } else if (p.streetName !== null) {
    street = p.addressLayout === "padded" ? p.streetName.padEnd(PADDED_STREET_WIDTH) : p.streetName;
  } else {
    street = p.streetNumber ?? "";
  }
  return `${street}, ${p.locality}`;
}

/** `Single Residential (15)`; empty when the use code is missing. */
export function displayedUseCode(p: SimProperty): string {
  if (p.useCode === null || p.useDescription === null) return "";
  return `${p.useDescription} (${p.useCode})`;
}

/** The 8 cells of the result table, as text before HTML escaping. */
export function displayedCells(p: SimProperty): string[] {
  return [
    p.rateNumber,
    legalDescription(p),
    displayedAddress(p),
    p.firstOwner ?? "",
    displayedUseCode(p),
    p.ratingCategory ?? "",
    formatMarketValue(p.marketValue),
    formatExtent(p.registeredExtent),
  ];
}
