import type { Locale } from "@/lib/i18n/locales";
import { formatExtent } from "./format-extent";
import { formatRand } from "./format-rand";
import { FORMAT_WORDS } from "./format-words";

/** A displayed cell as a change record holds it; the site's "1,830,000" amounts in South African form. */
export function formatCellValue(field: string, value: unknown, locale: Locale = "en"): string {
  if (value === null || value === undefined || value === "") return FORMAT_WORDS[locale].empty;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(text)) {
    const number = Number(text.replace(/,/g, ""));
    if (field === "marketValue") return formatRand(number, locale);
    if (field === "registeredExtent") return formatExtent(number, locale);
  }
  return text;
}

/** The site's "1,830,000" as a number; null for an empty or odd cell. */
export function cellNumber(value: unknown): number | null {
  if (typeof value !== "string" || !/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(value)) return null;
  return Number(value.replace(/,/g, ""));
}
