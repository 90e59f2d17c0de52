import type { Locale } from "@/lib/i18n/locales";
import { FORMAT_WORDS, monthName } from "./format-words";

// Dates as South Africans write them ("27 November 2026", "27 Novemba 2026"), in South African
// Standard Time (UTC+2 all year: no daylight saving), computed by hand so server and browser agree.

const SAST_OFFSET_MS = 2 * 60 * 60 * 1000;

function inSast(value: Date | string): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + SAST_OFFSET_MS);
}

/** "27 November 2026"; an unreadable date → "Unknown date". */
export function formatDate(value: Date | string, locale: Locale = "en"): string {
  const sast = inSast(value);
  if (!sast) return FORMAT_WORDS[locale].unknownDate;
  return `${sast.getUTCDate()} ${monthName(locale, sast.getUTCMonth() + 1)} ${sast.getUTCFullYear()}`;
}

/** "27 November 2026, 03:40" (SAST); null (it has not happened) → "–". */
export function formatDateTime(value: Date | string | null, locale: Locale = "en"): string {
  if (value === null) return "–";
  const sast = inSast(value);
  if (!sast) return FORMAT_WORDS[locale].unknownDate;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDate(value, locale)}, ${pad(sast.getUTCHours())}:${pad(sast.getUTCMinutes())}`;
}

/** A calendar date as the site states it ("2022-02-11") → "11 February 2022"; other text unchanged. */
export function formatCalendarDate(isoDate: string, locale: Locale = "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const month = monthName(locale, Number(match[2]));
  return month ? `${Number(match[3])} ${month} ${match[1]}` : isoDate;
}
