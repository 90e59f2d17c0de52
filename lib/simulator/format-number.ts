/** Number formats of the site's XSLT (`format-number`), written out by hand. */

function groupThousands(integer: number): string {
  const digits = String(integer);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/** `format-number(v, "####,###")`; the site shows an empty cell for a missing or zero value. */
export function formatMarketValue(value: number | null): string {
  if (value === null || value === 0) return "";
  return groupThousands(Math.round(value));
}

/** `format-number(v, "####,###.##")`: optional decimals, and no leading zero below 1 (`.5`). */
export function formatExtent(value: number | null): string {
  if (value === null) return "";
  const cents = Math.round(value * 100);
  const integer = Math.floor(cents / 100);
  const fraction = cents % 100;
  const head = integer === 0 ? "" : groupThousands(integer);
  if (fraction === 0) return head === "" ? "0" : head;
  const decimals = String(fraction).padStart(2, "0").replace(/0$/, "");
  return `${head}.${decimals}`;
}

/** The detail page's market value: `1,830,000.00`. */
export function formatDetailMarketValue(value: number | null): string {
  if (value === null) return "";
  return `${groupThousands(Math.round(value))}.00`;
}

/**
 * What the XSLT's `format-number` prints for a value the database may hold: a NULL (no element in
 * the XML, so `number()` of nothing) prints `NaN`, zero prints nothing (every digit is `#`), and a
 * negative prints with a minus sign. The results page uses `####,###` for the market value and
 * `####,###.##` for the extent; the details page uses `####,###.##` for both.
 */
export function formatXsltNumber(value: number | null, pattern: "####,###" | "####,###.##"): string {
  if (value === null || Number.isNaN(value)) return "NaN";
  if (value === 0) return "";
  const format = pattern === "####,###" ? formatMarketValue : formatExtent;
  return value < 0 ? `-${format(-value)}` : format(value);
}
