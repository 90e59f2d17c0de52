// What people type into the value and extent boxes: "R 1 500 000", "1,500,000", "1,5m", "750k",
// "1 634,5". Read leniently into a plain number; anything else is null (the box is ignored).

const SUFFIXES: Record<string, number> = { k: 1_000, m: 1_000_000, bn: 1_000_000_000 };

function readNumber(text: string): number | null {
  const cleaned = text.trim().toLowerCase().replace(/^r\s*/, "").replace(/[\s\u00a0]/g, "");
  const match = /^(\d[\d,.]*?)(k|m|bn)?$/.exec(cleaned);
  if (!match?.[1]) return null;
  const digits = match[1];
  const multiplier = match[2] ? (SUFFIXES[match[2]] ?? 1) : 1;
  let value: number;
  if (/^\d{1,3}([,.]\d{3})+$/.test(digits) && multiplier === 1) {
    // "1,500,000" or "1.500.000": thousands separators.
    value = Number(digits.replace(/[,.]/g, ""));
  } else if (/^\d+([,.]\d+)?$/.test(digits)) {
    value = Number(digits.replace(",", "."));
  } else {
    return null;
  }
  value *= multiplier;
  return Number.isFinite(value) ? value : null;
}

/** Whole rand, or null when the text is not an amount. */
export function parseRandInput(text: string): number | null {
  const value = readNumber(text);
  return value === null ? null : Math.round(value);
}

/** Square metres to two decimals, or null when the text is not a number. */
export function parseExtentInput(text: string): number | null {
  const value = readNumber(text);
  return value === null ? null : Math.round(value * 100) / 100;
}
