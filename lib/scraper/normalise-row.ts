import { LayoutError } from "./layout-error";
import { normaliseAddress, type AddressParts } from "./normalise-address";
import { parseRegisteredExtent } from "./normalise-extent";
import { parseLegalDescription, type LegalDescriptionParts } from "./normalise-legal-description";
import { parseMarketValue } from "./normalise-money";
import { parseUseCode } from "./normalise-use-code";
import { collapseWhitespace, textOrNull } from "./normalise-whitespace";
import type { DisplayedCells } from "@/lib/valuations/displayed-cells";
import type { ResultRow } from "./parse-results";

/** A cell the site printed as no number we can read (`NaN` for a NULL, a negative, …): stored as null. */
export type OddCell = { rateNumber: string; column: "marketValue" | "registeredExtent"; text: string };

export type RowContext = {
  roll: string;
  titleType: "full" | "sectional";
  suburbId: string;
  suburbName: string;
};

/** One results row as the store writes it: the cells as displayed plus every typed field. */
export type NormalisedValuation = RowContext &
  LegalDescriptionParts &
  AddressParts & {
    /** As displayed (leading zeros kept), or "PIN:<pin>" for the rows the site lists without one. */
    rateNumber: string;
    pin: string | null;
    /** The property profile link exactly as the results page gave it. */
    detailHref: string | null;
    displayed: DisplayedCells;
    legalDescription: string;
    firstOwner: string | null;
    useCode: number | null;
    useDescription: string | null;
    ratingCategory: string | null;
    /** Whole rand. */
    marketValue: number | null;
    /** Square metres. */
    registeredExtent: number | null;
    /** Lower-cased rate number, address, legal description and scheme name: what `q` searches. */
    searchText: string;
  };

/**
 * Types one parsed results row. A market value or extent that does not read as a number (the XSLT
 * prints a NULL as "NaN") is one odd cell, not a changed layout: it is typed as null and reported
 * to `oddCells`; the displayed text keeps what the site printed. A row with no key at all throws.
 */
export function normaliseRow(row: ResultRow, ctx: RowContext, oddCells?: OddCell[]): NormalisedValuation {
  const { cells, pin } = row;
  const rateNumber = cells.rateNumber !== "" ? cells.rateNumber : pin !== null ? `PIN:${pin}` : null;
  if (rateNumber === null) throw new LayoutError("results row has neither a rate number nor a details link");

  const legalDescription = collapseWhitespace(cells.legalDescription);
  const legal = parseLegalDescription(legalDescription);
  const address = normaliseAddress(cells.address);
  return {
    roll: ctx.roll,
    titleType: ctx.titleType,
    suburbId: ctx.suburbId,
    suburbName: ctx.suburbName,
    rateNumber,
    pin,
    detailHref: row.detailHref ?? null,
    displayed: cells,
    legalDescription,
    ...legal,
    ...address,
    firstOwner: textOrNull(cells.firstOwner),
    ...parseUseCode(cells.useCode),
    ratingCategory: textOrNull(cells.ratingCategory),
    marketValue: readOrNull(parseMarketValue, cells.marketValue, rateNumber, "marketValue", oddCells),
    registeredExtent: readOrNull(parseRegisteredExtent, cells.registeredExtent, rateNumber, "registeredExtent", oddCells),
    searchText: collapseWhitespace(
      `${rateNumber} ${address.address} ${legalDescription} ${legal.schemeName ?? ""}`,
    ).toLowerCase(),
  };
}

function readOrNull(
  parse: (text: string) => number | null,
  text: string,
  rateNumber: string,
  column: OddCell["column"],
  oddCells: OddCell[] | undefined,
): number | null {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    oddCells?.push({ rateNumber, column, text: text.trim() });
    return null;
  }
}
