import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { ValuationSearch } from "@/components/valuation-search";
import { searchFeedPath } from "@/lib/feeds/feed-paths";
import { database } from "@/lib/db/client";
import { clientMessages } from "@/lib/i18n/catalogues";
import { loadDataStamps } from "@/lib/pages/load-data-stamps";
import { loadFilterOptions } from "@/lib/pages/load-filter-options";
import { loadSearchResults } from "@/lib/pages/load-search-results";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { parseSearchState, searchTitle, toApiParams } from "@/lib/search-state/search-state";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { SITE_TIME_ZONE } from "@/lib/format/site-time-zone";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const registry = await rollRegistry(database());
  const rolls = rollOptions(registry);
  const state = parseSearchState(await searchParams, registry.defaultRoll, rolls);
  const [t, common] = await Promise.all([getTranslations("search"), getTranslations("common")]);
  // The root layout's title template does not apply to its own segment's page.
  return {
    title: { absolute: `${searchTitle(state, registry.defaultRoll, rolls, t)} · ${common("siteName")}` },
    alternates: { types: { "application/atom+xml": [{ url: searchFeedPath(toApiParams(state)), title: t("feedTitle") }] } },
  };
}

/** The search, rendered with its first page of results (a plain GET form works without JavaScript). */
export default async function SearchPage({ searchParams }: Props) {
  const db = database();
  const registry = await rollRegistry(db);
  const rolls = rollOptions(registry);
  const state = parseSearchState(await searchParams, registry.defaultRoll, rolls);
  // One query for the data version and the roll's asAt; the filter options, the data stamps and
  // (with it) the total are then cached per version, so a render runs that query and the page's.
  const stamp = await versionAndAsAt(db.pool, state.roll);
  const [results, options, stamps, locale] = await Promise.all([
    loadSearchResults(db, state, registry.defaultRoll, stamp),
    loadFilterOptions(db, state.roll, stamp.version),
    loadDataStamps(db, stamp.version, registry.ids),
    getLocale(),
  ]);
  // The search's client components read the search words; only this page sends them.
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(locale, ["search"])} timeZone={SITE_TIME_ZONE}>
      <NuqsAdapter>
        <ValuationSearch
          defaultRoll={registry.defaultRoll}
          rolls={rolls}
          initialQuery={toApiParams(state).toString()}
          initialResults={results}
          options={options}
          stamps={stamps}
        />
      </NuqsAdapter>
    </NextIntlClientProvider>
  );
}
