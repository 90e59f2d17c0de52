import enAbout from "@/messages/en/about.json";
import enAdmin from "@/messages/en/admin.json";
import enChanges from "@/messages/en/changes.json";
import enCommon from "@/messages/en/common.json";
import enFields from "@/messages/en/fields.json";
import enFormat from "@/messages/en/format.json";
import enGlossary from "@/messages/en/glossary.json";
import enObjection from "@/messages/en/objection.json";
import enProperty from "@/messages/en/property.json";
import enSearch from "@/messages/en/search.json";
import enSuburbs from "@/messages/en/suburbs.json";
import zuAbout from "@/messages/zu/about.json";
import zuAdmin from "@/messages/zu/admin.json";
import zuChanges from "@/messages/zu/changes.json";
import zuCommon from "@/messages/zu/common.json";
import zuFields from "@/messages/zu/fields.json";
import zuFormat from "@/messages/zu/format.json";
import zuGlossary from "@/messages/zu/glossary.json";
import zuObjection from "@/messages/zu/objection.json";
import zuProperty from "@/messages/zu/property.json";
import zuSearch from "@/messages/zu/search.json";
import zuSuburbs from "@/messages/zu/suburbs.json";
import type { Locale } from "./locales";

// The message catalogues: one JSON file per language and part of the site under messages/, so a
// speaker can review and correct them without reading code (messages/README.md). English is the
// reference: its keys type every t() call, and a test holds isiZulu to the same keys.

const en = {
  about: enAbout,
  admin: enAdmin,
  changes: enChanges,
  common: enCommon,
  fields: enFields,
  format: enFormat,
  glossary: enGlossary,
  objection: enObjection,
  property: enProperty,
  search: enSearch,
  suburbs: enSuburbs,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

export const CATALOGUES: Record<Locale, Messages> = {
  en,
  zu: {
    about: zuAbout,
    admin: zuAdmin,
    changes: zuChanges,
    common: zuCommon,
    fields: zuFields,
    format: zuFormat,
    glossary: zuGlossary,
    objection: zuObjection,
    property: zuProperty,
    search: zuSearch,
    suburbs: zuSuburbs,
  },
};

/**
 * The parts of the catalogue that client components on every page read; only these travel to the
 * browser. Server components translate on the server and send text. A page or area with client
 * components of its own (the search page, the admin pages) adds its namespace around them, so other
 * pages do not carry it.
 */
export const CLIENT_NAMESPACES: readonly Namespace[] = ["common", "format"];

export function clientMessages(locale: Locale, extra: readonly Namespace[] = []): Partial<Messages> {
  return Object.fromEntries([...CLIENT_NAMESPACES, ...extra].map((namespace) => [namespace, CATALOGUES[locale][namespace]]));
}
