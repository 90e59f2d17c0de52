import en from "@/messages/en/fields.json";
import zu from "@/messages/zu/fields.json";
import type { Locale } from "@/lib/i18n/locales";

// What the fields of a property are called, for the property page and its change history (which
// names the site's displayed cells and the profile page's fields). The names are in the message
// catalogues (messages/<locale>/fields.json); feeds and other callers without a page get English.

const LABELS: Record<Locale, Record<string, string>> = { en, zu };

/** "marketValue" → "Market value"; an unknown camelCase name is spelt out ("someNewField" → "Some new field"). */
export function fieldLabel(name: string, locale: Locale = "en"): string {
  if (Object.hasOwn(LABELS[locale], name)) return LABELS[locale][name]!;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
