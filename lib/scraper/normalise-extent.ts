import { LayoutError } from "./layout-error";

// format-number(x, "####,###.##"): thousands commas, up to two decimals, and no leading zero
// below 1 (".5"). Sample exports carry the number without commas.
const EXTENT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d{1,2})?$/;

/** Square metres from a displayed registered extent; null for an empty cell. */
export function parseRegisteredExtent(displayed: string): number | null {
  const text = displayed.trim();
  if (text === "") return null;
  if (text === "." || !EXTENT.test(text)) {
    throw new LayoutError(`registered extent changed: expected a number like "1,634.5", found "${text}"`);
  }
  return Number(text.replaceAll(",", ""));
}
