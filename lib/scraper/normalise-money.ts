import { LayoutError } from "./layout-error";

// "1,830,000" on the results page, "1,830,000.00" on the details page, or no separators at all.
const MONEY = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Whole rand from a displayed market value; null for an empty cell (the site prints nothing for a
 * zero or missing value). Anything else that does not parse is layout drift, never data: a
 * LayoutError, not a guess.
 */
export function parseMarketValue(displayed: string): number | null {
  const text = displayed.trim();
  if (text === "") return null;
  const match = MONEY.exec(text);
  if (!match) throw new LayoutError(`market value changed: expected a number like "1,830,000", found "${text}"`);
  const [, whole = "", cents] = match;
  if (cents !== undefined && Number(cents) !== 0) {
    throw new LayoutError(`market value changed: expected whole rand, found "${text}"`);
  }
  const value = Number(whole.replaceAll(",", ""));
  if (!Number.isSafeInteger(value)) throw new LayoutError(`market value out of range: found "${text}"`);
  return value;
}
