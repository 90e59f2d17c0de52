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
const DIGITS = /^\d+$/;
const FIVE_DIGITS_OR_MORE = /^\d{5,}$/;
// The site's placeholder for a missing street name, once per missing part ("UNKNOWN UNKNOWN").
const ONLY_UNKNOWN = /^UNKNOWN(?: UNKNOWN)*$/i;

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
  if (street === "") return { streetNumber: null, streetName: null };
  // `street` is collapsed: words are separated by single spaces.
  const space = street.indexOf(" ");
  const first = space < 0 ? street : street.slice(0, space);
  const rest = space < 0 ? "" : street.slice(space + 1);
  const isNumberedStreet =
    (rest !== "" && !rest.includes(" ") && DIGITS.test(first) && STREET_TYPES.has(rest.toUpperCase())) ||
    // A lone five-digit-or-longer number is a township's numbered street ("400356, HAMMARSDALE"):
    // house numbers on the roll stay below 10 000.
    (rest === "" && FIVE_DIGITS_OR_MORE.test(first)) ||
    // "3RD CRESCENT", "52ND AVENUE": an ordinal is part of the street's name.
    ORDINAL.test(first);
  if (STREET_NUMBER.test(first) && !isNumberedStreet) {
    return { streetNumber: first, streetName: streetNameOrNull(rest) };
  }
  return { streetNumber: null, streetName: streetNameOrNull(street) };
}

function streetNameOrNull(words: string): string | null {
  return words === "" || ONLY_UNKNOWN.test(words) ? null : words;
}
