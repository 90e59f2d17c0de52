import { getLocale, getTranslations } from "next-intl/server";
import { HTML_LANG, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** English | isiZulu: a form (no JavaScript needed) that remembers the choice and reloads the page. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common.language")]);
  return (
    <form method="post" action="/language" aria-label={t("label")} className="flex items-center text-sm">
      {LOCALES.map((option) =>
        option === locale ? (
          <span key={option} lang={HTML_LANG[option]} aria-current="true" className="rounded px-2 py-2 font-semibold text-slate-950">
            {LOCALE_NAMES[option]}
          </span>
        ) : (
          <button
            key={option}
            type="submit"
            name="locale"
            value={option}
            lang={HTML_LANG[option]}
            className="min-h-11 rounded px-2 py-2 text-blue-800 underline underline-offset-4 hover:text-blue-950"
          >
            {LOCALE_NAMES[option]}
          </button>
        ),
      )}
    </form>
  );
}
