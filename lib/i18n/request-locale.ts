import { cookies, headers } from "next/headers";
import { chooseLocale } from "./choose-locale";
import { LOCALE_COOKIE, type Locale } from "./locales";

/** The language of the page being rendered: the switch's cookie, else Accept-Language, else English. */
export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return chooseLocale({ cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerList.get("accept-language") });
}
