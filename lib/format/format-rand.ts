import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "./format-number";
import { FORMAT_WORDS } from "./format-words";

/** Whole rand: 1830000 → "R 1 830 000"; null → "No value". */
export function formatRand(value: number | null, locale: Locale = "en"): string {
  if (value === null) return FORMAT_WORDS[locale].noValue;
  const text = formatNumber(Math.round(value));
  return text.startsWith("\u2212") ? `\u2212R\u00a0${text.slice(1)}` : `R\u00a0${text}`;
}

/** A change in rand with its sign: "+R 130 000", "−R 20 000", "R 0". */
export function formatRandChange(value: number): string {
  if (value === 0) return formatRand(0);
  return value > 0 ? `+${formatRand(value)}` : formatRand(value);
}

/** Short labels for chart axes: 950000 → "R 950k", 1830000 → "R 1,8m", 12500000 → "R 12,5m". */
export function formatRandShort(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000_000) return `R\u00a0${formatNumber(value / 1_000_000_000, 1)}bn`;
  if (abs >= 1_000_000) return `R\u00a0${formatNumber(value / 1_000_000, 1)}m`;
  if (abs >= 1_000) return `R\u00a0${formatNumber(value / 1_000, 0)}k`;
  return formatRand(value);
}
