import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ChangeTimeline } from "@/components/change-timeline";
import { FollowLink } from "@/components/follow-link";
import { ObjectionHelper } from "@/components/objection-helper";
import { FactList, type Fact } from "@/components/fact-list";
import { OtherRolls } from "@/components/other-rolls";
import { RollValues } from "@/components/roll-values";
import { OwnerNamesNote } from "@/components/owner-names-note";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { feedPath } from "@/lib/feeds/feed-paths";
import { rollLabel } from "@/lib/rolls/roll-id";
import { fieldLabel } from "@/lib/format/field-labels";
import { formatNumber } from "@/lib/format/format-number";
import { ratingCategoryGlossaryHref, useCodeGlossaryHref } from "@/lib/glossary/glossary-links";
import { getFormat } from "@/lib/i18n/get-format";
import { loadObjectionHelper } from "@/lib/objections/load-objection-helper";
import { propertyPath } from "@/lib/search-state/search-results";
import { initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { propertyPageRobots } from "@/lib/search-engines/indexing-policy";
import type { Valuation } from "@/lib/valuations/valuation-schema";
import { loadProperty, loadSchemeUnits, SCHEME_UNITS_LIMIT } from "@/lib/pages/load-property";
import { readPropertyLookup, type PropertyPageProps } from "@/lib/pages/property-lookup";

type Props = PropertyPageProps;
type Translate = Awaited<ReturnType<typeof getTranslations<"property">>>;

export async function generateMetadata(props: Props): Promise<Metadata> {
  // Kept out of search engines unless SEARCH_ENGINE_INDEXING: the page names the owners.
  const robots = propertyPageRobots(config.SEARCH_ENGINE_INDEXING);
  const [lookup, t] = await Promise.all([readPropertyLookup(props), getTranslations("property")]);
  if (!lookup) return { title: t("meta.notFound"), robots };
  const { result } = await loadProperty(lookup.rateNumber, lookup.roll, lookup.title);
  if (result.kind !== "found") return { title: t("rateNumber", { rateNumber: lookup.rateNumber }), robots };
  const property = result.body.data;
  const format = await getFormat();
  const roll = rollLabel(lookup.rolls, lookup.roll);
  return {
    robots,
    alternates: { types: { "application/atom+xml": propertyFeeds(property, t) } },
    title: t("meta.title", { name: property.address || t("rateNumber", { rateNumber: property.rateNumber }), roll }),
    description: t("meta.description", { legalDescription: property.legalDescription, value: format.rand(property.marketValue), roll }),
  };
}

function propertyFeed(property: Valuation): string {
  return feedPath({ roll: property.roll, rateNumber: property.rateNumber, title: property.titleType });
}

function schemeFeed(property: Valuation): string | null {
  return property.schemeName ? feedPath({ roll: property.roll, scheme: property.schemeName }) : null;
}

/** The page's Atom feeds: the property's own, and its scheme's. */
function propertyFeeds(property: Valuation, t: Translate): { url: string; title: string }[] {
  const scheme = schemeFeed(property);
  return [
    { url: propertyFeed(property), title: t("meta.feedProperty", { rateNumber: property.rateNumber }) },
    ...(scheme ? [{ url: scheme, title: t("meta.feedScheme", { scheme: property.schemeName! }) }] : []),
  ];
}

function legalFacts(property: Valuation, t: Translate): Fact[] {
  return [
    { label: t("legal.asStated"), value: property.legalDescription },
    { label: t("legal.erf"), value: property.erfNumber },
    { label: t("legal.portion"), value: property.portionNumber },
    { label: t("legal.remainder"), value: property.isRemainder ? t("legal.remainderYes") : null },
    { label: property.isFarm ? t("legal.farm") : t("legal.township"), value: property.township },
    { label: t("legal.scheme"), value: property.schemeName },
    { label: t("legal.section"), value: property.sectionNumber },
  ];
}

function detailValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.map(String).join("; ");
  if (typeof value === "number") return formatNumber(value, 2);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A value with a link to where the glossary explains it, when it does. */
function withGlossaryLink(value: string, href: string | null, link: ReactNode): ReactNode {
  if (href === null) return value;
  return (
    <>
      {value}{" "}
      <Link href={href} className="whitespace-nowrap text-sm text-blue-800 underline">
        {link}
      </Link>
    </>
  );
}

/** Everything we know about one property on one roll. */
export default async function PropertyPage(props: Props) {
  const lookup = await readPropertyLookup(props);
  if (!lookup) notFound();
  const [{ result, asAt }, t, format] = await Promise.all([loadProperty(lookup.rateNumber, lookup.roll, lookup.title), getTranslations("property"), getFormat()]);
  if (result.kind === "not-found") notFound();

  if (result.kind === "ambiguous") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-950">{t("rateNumber", { rateNumber: lookup.rateNumber })}</h1>
        <p>{t("ambiguous.text", { roll: rollLabel(lookup.rolls, lookup.roll) })}</p>
        <ul className="ml-5 list-disc">
          {result.choices.map((choice) => (
            <li key={choice.titleType}>
              <Link href={propertyPath({ rateNumber: lookup.rateNumber, roll: lookup.roll, titleType: choice.titleType }, lookup.defaultRoll)} className="text-blue-800 underline">
                {t("ambiguous.choice", { title: choice.titleType })}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const { data: property, history, otherRolls, rolls } = result.body;
  const [schemeUnits, objectionHelper] = await Promise.all([loadSchemeUnits(property), loadObjectionHelper(database(), property)]);
  const detail = property.detail ?? {};
  const owners = Array.isArray(detail.owners) ? detail.owners.map(String) : [];
  const detailFacts: Fact[] = Object.entries(detail)
    .filter(([name]) => name !== "owners")
    .map(([name, value]) => ({ label: fieldLabel(name, format.locale), value: name === "marketValue" && typeof value === "number" ? format.rand(value) : detailValue(value) }));
  const suburbSearch = searchHref({ ...initialSearchState(lookup.roll), suburb: property.suburbName }, lookup.defaultRoll);
  const streetSearch = property.streetName
    ? searchHref({ ...initialSearchState(lookup.roll), q: property.streetName, suburb: property.suburbName }, lookup.defaultRoll)
    : null;
  const titleLabel = t(`titleType.${property.titleType}`);
  const roll = rollLabel(lookup.rolls, property.roll);
  const srOnly = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const useCode = property.useCode === null ? null : String(property.useCode);
  const valueLine = [
    useCode === null ? (property.useDescription ?? t("value.useNotStated")) : t("value.useWithCode", { use: property.useDescription ?? t("value.useNotStated"), code: useCode }),
    ...(property.ratingCategory ? [t("value.ratedAs", { category: property.ratingCategory })] : []),
    format.extent(property.registeredExtent),
  ].join(" · ");

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/" className="text-blue-800 underline">
            {t("header.search")}
          </Link>
          <span aria-hidden="true"> › </span>
          <Link href={suburbSearch} className="text-blue-800 underline">
            {property.suburbName}
          </Link>
        </p>
        <h1 className="break-words text-2xl font-bold text-slate-950 sm:text-3xl">{property.address || t("rateNumber", { rateNumber: property.rateNumber })}</h1>
        <p className="text-slate-800">
          {t.rich("header.subtitle", { title: titleLabel, rateNumber: property.rateNumber, roll, num: (chunks) => <span className="tabular-nums">{chunks}</span> })}
        </p>
        {property.removedAt && (
          <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
            {t("header.removed", { date: format.date(property.removedAt) })}
          </p>
        )}
      </header>

      <section aria-labelledby="value-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="value-heading" className="text-sm font-medium text-slate-700">
          {t("value.heading")}
        </h2>
        <p className="text-3xl font-bold tabular-nums text-slate-950" data-testid="market-value">
          {format.rand(property.marketValue)}
        </p>
        <p className="mt-1 text-slate-800">{valueLine}</p>
      </section>

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-xl font-semibold text-slate-950">
          {t("details.heading")}
        </h2>
        <FactList
          testId="property-facts"
          facts={[
            { label: t("details.address"), value: property.address },
            { label: t("details.street"), value: [property.streetNumber, property.streetName].filter(Boolean).join(" ") },
            { label: t("details.locality"), value: property.locality },
            { label: t("details.suburb"), value: property.suburbName },
            { label: t("details.rateNumber"), value: property.rateNumber },
            { label: t("details.titleType"), value: titleLabel },
            {
              label: t("details.use"),
              value:
                useCode === null
                  ? null
                  : withGlossaryLink(
                      `${property.useDescription ?? t("details.useNotStated")} (${useCode})`,
                      useCodeGlossaryHref(property.useCode),
                      t.rich("glossary.useCode", { code: useCode, sr: srOnly }),
                    ),
            },
            {
              label: t("details.ratingCategory"),
              value:
                property.ratingCategory &&
                withGlossaryLink(
                  property.ratingCategory,
                  ratingCategoryGlossaryHref(property.ratingCategory),
                  t.rich("glossary.ratingCategory", { category: property.ratingCategory, sr: srOnly }),
                ),
            },
            { label: t("details.extent"), value: format.extent(property.registeredExtent) },
            { label: t("details.firstOwner"), value: property.firstOwner ?? null },
          ]}
        />
        <OwnerNamesNote shown={property.ownerNames} />
      </section>

      <section aria-labelledby="legal-heading" className="space-y-3">
        <h2 id="legal-heading" className="text-xl font-semibold text-slate-950">
          {t("legal.heading")}
        </h2>
        <FactList facts={legalFacts(property, t)} />
      </section>

      {(detailFacts.length > 0 || owners.length > 0) && (
        <section aria-labelledby="profile-heading" className="space-y-3">
          <h2 id="profile-heading" className="text-xl font-semibold text-slate-950">
            {t("profile.heading")}
          </h2>
          {property.detailFetchedAt && <p className="text-sm text-slate-700">{t("profile.readOn", { dateTime: format.dateTime(property.detailFetchedAt) })}</p>}
          <FactList facts={[...detailFacts, { label: t("profile.owners", { n: owners.length }), value: owners.length > 0 ? owners.join("; ") : null }]} testId="profile-facts" />
        </section>
      )}

      {rolls.length > 1 && (
        <section aria-labelledby="roll-values-heading" className="space-y-3">
          <h2 id="roll-values-heading" className="text-xl font-semibold text-slate-950">
            {t("rollValues.heading")}
          </h2>
          <p className="text-sm text-slate-800">{t("rollValues.intro")}</p>
          <RollValues rolls={rolls} registered={lookup.rolls} defaultRoll={lookup.defaultRoll} />
        </section>
      )}

      <section aria-labelledby="rolls-heading" className="space-y-3">
        <h2 id="rolls-heading" className="text-xl font-semibold text-slate-950">
          {t("otherRolls.heading")}
        </h2>
        <OtherRolls rolls={lookup.rolls} otherRolls={otherRolls} current={{ roll: property.roll, rateNumber: property.rateNumber }} defaultRoll={lookup.defaultRoll} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-semibold text-slate-950">
          {t("history.heading")}
        </h2>
        <ChangeTimeline history={history} />
        <FollowLink href={propertyFeed(property)} what={t("history.follow")} />
      </section>

      <ObjectionHelper
        helper={objectionHelper}
        roll={property.roll}
        rolls={lookup.rolls}
        defaultRoll={lookup.defaultRoll}
        printHref={`/valuations/${encodeURIComponent(property.rateNumber)}/objection?roll=${property.roll}&title=${property.titleType}`}
      />

      {property.schemeName && (
        <section aria-labelledby="scheme-heading" className="space-y-3">
          <h2 id="scheme-heading" className="text-xl font-semibold text-slate-950">
            {t("scheme.heading", { scheme: property.schemeName })}
          </h2>
          {schemeUnits.units.length === 0 ? (
            <p className="text-slate-800">{t("scheme.none")}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="scheme-units">
              {schemeUnits.units.map((unit) => (
                <li key={unit.rateNumber} className="flex justify-between gap-3 rounded border border-slate-200 bg-white p-2">
                  <Link href={propertyPath(unit, lookup.defaultRoll)} className="text-blue-800 underline">
                    {t("scheme.unit", { section: unit.sectionNumber ?? "?", rateNumber: unit.rateNumber })}
                  </Link>
                  <span className="whitespace-nowrap tabular-nums">{format.rand(unit.marketValue)}</span>
                </li>
              ))}
            </ul>
          )}
          {schemeUnits.more && <p className="text-sm text-slate-700">{t("scheme.more", { count: formatNumber(SCHEME_UNITS_LIMIT) })}</p>}
          <FollowLink href={schemeFeed(property)!} what={t("scheme.follow", { scheme: property.schemeName })} />
        </section>
      )}

      <section aria-labelledby="data-heading" className="space-y-2 text-sm text-slate-800">
        <h2 id="data-heading" className="text-xl font-semibold text-slate-950">
          {t("record.heading")}
        </h2>
        <p>
          {t("record.seen", { firstSeen: format.date(property.firstSeenAt), lastSeen: format.date(property.lastSeenAt), lastChanged: format.date(property.lastChangedAt) })}
          {asAt && ` ${t("record.refreshed", { roll, dateTime: format.dateTime(asAt) })}`}
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <a href={property.href} className="text-blue-800 underline">
            {t("record.json")}
          </a>
          {streetSearch && (
            <Link href={streetSearch} className="text-blue-800 underline">
              {t("record.street", { street: property.streetName! })}
            </Link>
          )}
          <Link href={`/suburbs/${encodeURIComponent(property.suburbId)}${property.roll === lookup.defaultRoll ? "" : `?roll=${property.roll}`}`} className="text-blue-800 underline">
            {t("record.suburb", { suburb: property.suburbName })}
          </Link>
        </p>
      </section>
    </article>
  );
}
