import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "./format-number";
import { FORMAT_WORDS } from "./format-words";

/** Square metres: 1634 → "1 634 m²", 812.5 → "812,5 m²"; null → "Not given". */
export function formatExtent(squareMetres: number | null, locale: Locale = "en"): string {
  if (squareMetres === null) return FORMAT_WORDS[locale].notGiven;
  return `${formatNumber(squareMetres, 2)}\u00a0m²`;
}
