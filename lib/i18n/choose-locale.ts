import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

/**
 * The language of a page: the reader's own choice (the switch's cookie) first, then the browser's
 * Accept-Language (q-values honoured; "zu-ZA" matches "zu"), then English.
 */
export function chooseLocale({ cookie, acceptLanguage }: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const [preferred] = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages([...LOCALES]);
  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}
