import { collapseWhitespace } from "./normalise-whitespace";

export type AddressParts = {
  /** As a person reads it: padding collapsed, no space before the comma, no leading ", ". */
  address: string;
  /** "10", "33A", "323/9", "0"; null when the address has none. */
  streetNumber: string | null;
  /** "211589 STREET", "XOLANI NGCOBO WALK"; null when empty or the site's placeholder "UNKNOWN". */
  streetName: string | null;
  /** The text after the last comma ("NTUZUMA - G"); null when there is no comma or nothing after it. */
  locality: string | null;
};

// A house number: digits with an optional unit letter or two ("33A", "10R") or a split number ("323/9").
const STREET_NUMBER = /^\d+[A-Z]{0,2}(?:[/-]\d+[A-Z]?)?$/i;

const ORDINAL = /^\d*(1ST|2ND|3RD|[04-9]TH|1[1-3]TH)$/i;

// "108937 STREET" is a numbered street with no house number, not house 108937 of "STREET".
const STREET_TYPES = new Set([
  "AVENUE", "AVE", "BOULEVARD", "CIRCLE", "CLOSE", "CRESCENT", "DRIVE", "GARDENS", "GROVE", "HIGHWAY",
  "LANE", "PLACE", "RD", "ROAD", "ST", "STREET", "TERRACE", "TRACK", "TRK", "WALK", "WAY",
]);

/**
 * Splits a displayed address, "<street no> <street name>, <locality>", with the site's
 * fixed-width padding ("BRAESIDE ROAD      , SEA VIEW") and empty street parts
 * (", TONGAAT BEACH RURAL"). "UNKNOWN" stays visible in `address` but is not a street name.
 */
export function normaliseAddress(displayed: string): AddressParts {
  const comma = displayed.lastIndexOf(",");
  const street = collapseWhitespace(comma >= 0 ? displayed.slice(0, comma) : displayed);
  const locality = comma >= 0 ? collapseWhitespace(displayed.slice(comma + 1)) : "";
  const address = street && locality ? `${street}, ${locality}` : street || locality;
  return { address, ...splitStreet(street), locality: locality || null };
}

function splitStreet(street: string): Pick<AddressParts, "streetNumber" | "streetName"> {
  const words = street === "" ? [] : street.split(" ");
  const [first, ...rest] = words;
  if (first === undefined) return { streetNumber: null, streetName: null };
  const [second] = rest;
  const isNumberedStreet =
    (rest.length === 1 && second !== undefined && /^\d+$/.test(first) && STREET_TYPES.has(second.toUpperCase())) ||
    // A lone five-digit-or-longer number is a township's numbered street ("400356, HAMMARSDALE"):
    // house numbers on the roll stay below 10 000.
    (rest.length === 0 && /^\d{5,}$/.test(first)) ||
    // "3RD CRESCENT", "52ND AVENUE": an ordinal is part of the street's name.
    ORDINAL.test(first);
  if (STREET_NUMBER.test(first) && !isNumberedStreet) {
    return { streetNumber: first, streetName: streetNameOrNull(rest) };
  }
  return { streetNumber: null, streetName: streetNameOrNull(words) };
}

function streetNameOrNull(words: string[]): string | null {
  if (words.length === 0 || words.every((word) => word.toUpperCase() === "UNKNOWN")) return null;
  return words.join(" ");
}
