import { formatCellValue } from "@/lib/format/format-cell-change";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/format/format-date";
import { formatExtent } from "@/lib/format/format-extent";
import { formatNumber, formatPercentChange, formatShare } from "@/lib/format/format-number";
import { formatRand, formatRandChange, formatRandShort } from "@/lib/format/format-rand";
import type { Locale } from "./locales";

/**
 * The formatters bound to a page's language: server components get one from getFormatter(),
 * client components from useFormatter(). Numbers are the same in both languages (SANS 1).
 */
export function formatterFor(locale: Locale) {
  return {
    locale,
    number: formatNumber,
    share: formatShare,
    percentChange: formatPercentChange,
    rand: (value: number | null) => formatRand(value, locale),
    randChange: formatRandChange,
    randShort: formatRandShort,
    extent: (squareMetres: number | null) => formatExtent(squareMetres, locale),
    date: (value: Date | string) => formatDate(value, locale),
    dateTime: (value: Date | string | null) => formatDateTime(value, locale),
    calendarDate: (isoDate: string) => formatCalendarDate(isoDate, locale),
    cellValue: (field: string, value: unknown) => formatCellValue(field, value, locale),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;
