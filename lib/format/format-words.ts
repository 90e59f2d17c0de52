import en from "@/messages/en/format.json";
import zu from "@/messages/zu/format.json";
import type { Locale } from "@/lib/i18n/locales";

// The words the formatters print (month names, "No value"), from the message catalogues so a
// speaker corrects them with the rest. Numbers follow SANS 1 in every language: a space between
// groups of three and a decimal comma, as South African publications in isiZulu write them too.

export const FORMAT_WORDS: Record<Locale, typeof en> = { en, zu };

const MONTH_KEYS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"] as const;

/** A month's name in a language: 1 → "January" / "Januwari". */
export function monthName(locale: Locale, month: number): string | undefined {
  const key = MONTH_KEYS[month - 1];
  return key && FORMAT_WORDS[locale].months[key];
}
