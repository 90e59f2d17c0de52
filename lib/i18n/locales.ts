// The languages the pages speak. Browser-safe: the language switch and the formatters use it.

export const LOCALES = ["en", "zu"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers the reader's choice from the language switch for a year. */
export const LOCALE_COOKIE = "dvre_locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The `lang` of a page: the language as written in South Africa. */
export const HTML_LANG: Record<Locale, string> = { en: "en-ZA", zu: "zu-ZA" };

/** Each language's name in that language, as the switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zu: "isiZulu" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
