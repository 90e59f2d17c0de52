// South African number formatting (SANS 1 / the Government style guide): a space between groups of
// three digits and a decimal comma. Written by hand rather than with Intl so that the server and
// every browser print exactly the same characters (no hydration mismatch between ICU versions).

/** A non-breaking space: keeps "1 830 000" on one line. */
export const GROUP_SEPARATOR = "\u00a0";

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
}

/** 1634.5 → "1 634,5"; rounds to `maxDecimals` and drops trailing zeros. */
export function formatNumber(value: number, maxDecimals = 0): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const text = groupDigits(whole) + (trimmed === "" ? "" : `,${trimmed}`);
  return negative && /[1-9]/.test(fixed) ? `\u2212${text}` : text;
}

/** "1 property", "2 530 properties". */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** A share of a whole: 0.125 → "12,5%". */
export function formatShare(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

/** A scrape's pace: 1234.56 → "1 234,6 rows/s"; null (not known yet) → "–". */
export function formatRowsPerSecond(rowsPerSecond: number | null): string {
  return rowsPerSecond === null ? "–" : `${formatNumber(rowsPerSecond, 1)} rows/s`;
}

/** 12.34 → "+12,3%"; -5 → "−5%". */
export function formatPercentChange(percent: number): string {
  const sign = percent > 0 ? "+" : "";
  return `${sign}${formatNumber(percent, 1)}%`;
}
