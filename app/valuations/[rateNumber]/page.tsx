import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { formatDate, formatDateTime } from "@/lib/format/format-date";
import { formatExtent } from "@/lib/format/format-extent";
import { formatNumber } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import { loadObjectionHelper } from "@/lib/objections/load-objection-helper";
import { propertyPath } from "@/lib/search-state/search-results";
import { initialSearchState, searchHref, TITLE_LABELS } from "@/lib/search-state/search-state";
import { propertyPageRobots } from "@/lib/search-engines/indexing-policy";
import type { Valuation } from "@/lib/valuations/valuation-schema";
import { loadProperty, loadSchemeUnits, SCHEME_UNITS_LIMIT } from "@/lib/pages/load-property";
import { readPropertyLookup, type PropertyPageProps } from "@/lib/pages/property-lookup";

type Props = PropertyPageProps;

export async function generateMetadata(props: Props): Promise<Metadata> {
  // Kept out of search engines unless SEARCH_ENGINE_INDEXING: the page names the owners.
  const robots = propertyPageRobots(config.SEARCH_ENGINE_INDEXING);
  const lookup = await readPropertyLookup(props);
  if (!lookup) return { title: "Property not found", robots };
  const { result } = await loadProperty(lookup.rateNumber, lookup.roll, lookup.title);
  if (result.kind !== "found") return { title: `Rate number ${lookup.rateNumber}`, robots };
  const property = result.body.data;
  return {
    robots,
    alternates: { types: { "application/atom+xml": propertyFeeds(property) } },
    title: `${property.address || `Rate number ${property.rateNumber}`} (${rollLabel(lookup.rolls, lookup.roll)})`,
    description: `${property.legalDescription}: market value ${formatRand(property.marketValue)} on the ${rollLabel(lookup.rolls, lookup.roll)} valuation roll.`,
  };
}

function propertyFeed(property: Valuation): string {
  return feedPath({ roll: property.roll, rateNumber: property.rateNumber, title: property.titleType });
}

function schemeFeed(property: Valuation): string | null {
  return property.schemeName ? feedPath({ roll: property.roll, scheme: property.schemeName }) : null;
}

/** The page's Atom feeds: the property's own, and its scheme's. */
function propertyFeeds(property: Valuation): { url: string; title: string }[] {
  const scheme = schemeFeed(property);
  return [
    { url: propertyFeed(property), title: `Changes to rate number ${property.rateNumber}` },
    ...(scheme ? [{ url: scheme, title: `Changes in ${property.schemeName}` }] : []),
  ];
}

function legalFacts(property: Valuation): Fact[] {
  return [
    { label: "As the roll states it", value: property.legalDescription },
    { label: "Erf", value: property.erfNumber },
    { label: "Portion", value: property.portionNumber },
    { label: "Remainder", value: property.isRemainder ? "Yes (the remainder of the erf)" : null },
    { label: property.isFarm ? "Farm" : "Township", value: property.township },
    { label: "Sectional scheme", value: property.schemeName },
    { label: "Section", value: property.sectionNumber },
  ];
}

function detailValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.map(String).join("; ");
  if (typeof value === "number") return formatNumber(value, 2);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Everything we know about one property on one roll. */
export default async function PropertyPage(props: Props) {
  const lookup = await readPropertyLookup(props);
  if (!lookup) notFound();
  const { result, asAt } = await loadProperty(lookup.rateNumber, lookup.roll, lookup.title);
  if (result.kind === "not-found") notFound();

  if (result.kind === "ambiguous") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-950">Rate number {lookup.rateNumber}</h1>
        <p>Two properties on the {rollLabel(lookup.rolls, lookup.roll)} roll have this rate number. Which one do you mean?</p>
        <ul className="ml-5 list-disc">
          {result.choices.map((choice) => (
            <li key={choice.titleType}>
              <Link href={propertyPath({ rateNumber: lookup.rateNumber, roll: lookup.roll, titleType: choice.titleType }, lookup.defaultRoll)} className="text-blue-800 underline">
                The {TITLE_LABELS[choice.titleType].toLowerCase()} property
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
    .map(([name, value]) => ({ label: fieldLabel(name), value: name === "marketValue" && typeof value === "number" ? formatRand(value) : detailValue(value) }));
  const suburbSearch = searchHref({ ...initialSearchState(lookup.roll), suburb: property.suburbName }, lookup.defaultRoll);
  const streetSearch = property.streetName
    ? searchHref({ ...initialSearchState(lookup.roll), q: property.streetName, suburb: property.suburbName }, lookup.defaultRoll)
    : null;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/" className="text-blue-800 underline">
            Search
          </Link>
          <span aria-hidden="true"> › </span>
          <Link href={suburbSearch} className="text-blue-800 underline">
            {property.suburbName}
          </Link>
        </p>
        <h1 className="break-words text-2xl font-bold text-slate-950 sm:text-3xl">{property.address || `Rate number ${property.rateNumber}`}</h1>
        <p className="text-slate-800">
          {TITLE_LABELS[property.titleType]} · rate number <span className="tabular-nums">{property.rateNumber}</span> · {rollLabel(lookup.rolls, property.roll)} roll
        </p>
        {property.removedAt && (
          <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
            This property was no longer on the roll when we checked on {formatDate(property.removedAt)}. What follows is how it was last listed.
          </p>
        )}
      </header>

      <section aria-labelledby="value-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="value-heading" className="text-sm font-medium text-slate-700">
          Market value
        </h2>
        <p className="text-3xl font-bold tabular-nums text-slate-950" data-testid="market-value">
          {formatRand(property.marketValue)}
        </p>
        <p className="mt-1 text-slate-800">
          {property.useDescription ?? "Use not stated"}
          {property.useCode !== null && ` (use code ${property.useCode})`}
          {property.ratingCategory && ` · rated as ${property.ratingCategory}`} · {formatExtent(property.registeredExtent)}
        </p>
      </section>

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-xl font-semibold text-slate-950">
          Details
        </h2>
        <FactList
          testId="property-facts"
          facts={[
            { label: "Address", value: property.address },
            { label: "Street", value: [property.streetNumber, property.streetName].filter(Boolean).join(" ") },
            { label: "Locality", value: property.locality },
            { label: "Suburb (as listed)", value: property.suburbName },
            { label: "Rate number", value: property.rateNumber },
            { label: "Title type", value: TITLE_LABELS[property.titleType] },
            { label: "Use", value: property.useCode === null ? null : `${property.useDescription ?? "Use"} (${property.useCode})` },
            { label: "Rating category", value: property.ratingCategory },
            { label: "Registered extent", value: formatExtent(property.registeredExtent) },
            { label: "First owner (as the roll lists it)", value: property.firstOwner ?? null },
          ]}
        />
        <OwnerNamesNote shown={property.ownerNames} />
      </section>

      <section aria-labelledby="legal-heading" className="space-y-3">
        <h2 id="legal-heading" className="text-xl font-semibold text-slate-950">
          Legal description
        </h2>
        <FactList facts={legalFacts(property)} />
      </section>

      {(detailFacts.length > 0 || owners.length > 0) && (
        <section aria-labelledby="profile-heading" className="space-y-3">
          <h2 id="profile-heading" className="text-xl font-semibold text-slate-950">
            From the municipality&apos;s property profile
          </h2>
          {property.detailFetchedAt && <p className="text-sm text-slate-700">Read on {formatDateTime(property.detailFetchedAt)}.</p>}
          <FactList facts={[...detailFacts, { label: owners.length === 1 ? "Owner" : "Owners", value: owners.length > 0 ? owners.join("; ") : null }]} testId="profile-facts" />
        </section>
      )}

      {rolls.length > 1 && (
        <section aria-labelledby="roll-values-heading" className="space-y-3">
          <h2 id="roll-values-heading" className="text-xl font-semibold text-slate-950">
            Value on every roll
          </h2>
          <p className="text-sm text-slate-800">
            Followed from roll to roll by rate number and by the land itself, so a new rate number, a subdivision or a consolidation keeps the trail.
          </p>
          <RollValues rolls={rolls} defaultRoll={lookup.defaultRoll} />
        </section>
      )}

      <section aria-labelledby="rolls-heading" className="space-y-3">
        <h2 id="rolls-heading" className="text-xl font-semibold text-slate-950">
          On other valuation rolls
        </h2>
        <OtherRolls rolls={lookup.rolls} otherRolls={otherRolls} current={{ roll: property.roll, rateNumber: property.rateNumber }} defaultRoll={lookup.defaultRoll} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-semibold text-slate-950">
          History in our copy
        </h2>
        <ChangeTimeline history={history} />
        <FollowLink href={propertyFeed(property)} what="this property" />
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
            Other units in {property.schemeName}
          </h2>
          {schemeUnits.units.length === 0 ? (
            <p className="text-slate-800">No other units of this scheme are on the roll.</p>
          ) : (
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="scheme-units">
              {schemeUnits.units.map((unit) => (
                <li key={unit.rateNumber} className="flex justify-between gap-3 rounded border border-slate-200 bg-white p-2">
                  <Link href={propertyPath(unit, lookup.defaultRoll)} className="text-blue-800 underline">
                    Section {unit.sectionNumber ?? "?"} · {unit.rateNumber}
                  </Link>
                  <span className="whitespace-nowrap tabular-nums">{formatRand(unit.marketValue)}</span>
                </li>
              ))}
            </ul>
          )}
          {schemeUnits.more && <p className="text-sm text-slate-700">Showing the first {SCHEME_UNITS_LIMIT} units.</p>}
          <FollowLink href={schemeFeed(property)!} what={`every unit of ${property.schemeName}`} />
        </section>
      )}

      <section aria-labelledby="data-heading" className="space-y-2 text-sm text-slate-800">
        <h2 id="data-heading" className="text-xl font-semibold text-slate-950">
          About this record
        </h2>
        <p>
          First seen {formatDate(property.firstSeenAt)}, last seen {formatDate(property.lastSeenAt)}, last changed {formatDate(property.lastChangedAt)}.
          {asAt && ` The ${rollLabel(lookup.rolls, property.roll)} roll was last refreshed completely on ${formatDateTime(asAt)}.`}
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <a href={property.href} className="text-blue-800 underline">
            This property as JSON
          </a>
          {streetSearch && (
            <Link href={streetSearch} className="text-blue-800 underline">
              Other properties in {property.streetName}
            </Link>
          )}
          <Link href={`/suburbs/${encodeURIComponent(property.suburbId)}${property.roll === lookup.defaultRoll ? "" : `?roll=${property.roll}`}`} className="text-blue-800 underline">
            Values in {property.suburbName}
          </Link>
        </p>
      </section>
    </article>
  );
}
