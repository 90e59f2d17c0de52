import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparablesTable } from "@/components/comparables-table";
import { ObjectionFactsList } from "@/components/objection-facts-list";
import { PrintButton } from "@/components/print-button";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { formatDate } from "@/lib/format/format-date";
import { formatExtent } from "@/lib/format/format-extent";
import { formatRand } from "@/lib/format/format-rand";
import { loadObjectionHelper } from "@/lib/objections/load-objection-helper";
import { propertyPageRobots } from "@/lib/search-engines/indexing-policy";
import { rollLabel } from "@/lib/rolls/roll-id";
import { propertyPath } from "@/lib/search-state/search-results";
import { loadProperty } from "@/lib/pages/load-property";
import { readPropertyLookup, type PropertyPageProps } from "@/lib/pages/property-lookup";

// One printed page for an objection: the property's legal fields as an objection form asks for
// them, the comparable properties, where the value stands, the objection facts, and the date.

type Props = PropertyPageProps;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const lookup = await readPropertyLookup(props);
  return { title: lookup ? `Objection summary: rate number ${lookup.rateNumber}` : "Property not found", robots: propertyPageRobots(config.SEARCH_ENGINE_INDEXING) };
}

export default async function ObjectionSummaryPage(props: Props) {
  const lookup = await readPropertyLookup(props);
  if (!lookup) notFound();
  const { result, asAt } = await loadProperty(lookup.rateNumber, lookup.roll, lookup.title);
  if (result.kind !== "found") notFound();
  const property = result.body.data;
  const helper = await loadObjectionHelper(database(), property);
  const label = rollLabel(lookup.rolls, property.roll);
  const comparables = helper.comparables;
  const legal: [string, string | null][] = [
    ["Rate number", property.rateNumber],
    ["Valuation roll", label],
    ["Title", property.titleType === "sectional" ? "Sectional Title" : "Full Title"],
    ["Legal description", property.legalDescription],
    ["Erf number", property.erfNumber],
    ["Portion", property.portionNumber],
    [property.isFarm ? "Farm" : "Township", property.township],
    ["Sectional scheme", property.schemeName],
    ["Section number", property.sectionNumber],
    ["Physical address", property.address],
    ["Suburb", property.suburbName],
    ["Registered extent", property.registeredExtent === null ? null : formatExtent(property.registeredExtent)],
    ["Use", property.useDescription ? `${property.useDescription}${property.useCode !== null ? ` (${property.useCode})` : ""}` : null],
    ["Rating category", property.ratingCategory],
    ["Market value on the roll", formatRand(property.marketValue)],
  ];
  return (
    <article className="mx-auto max-w-3xl space-y-4 text-sm print:max-w-none print:space-y-1.5 print:text-[8.5pt] print:leading-snug" data-testid="objection-summary">
      <p className="print:hidden">
        <Link href={propertyPath(property, lookup.defaultRoll)} className="text-blue-800 underline">
          Back to the property
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-xl font-bold text-slate-950">Objection summary: rate number {property.rateNumber}</h1>
        <p className="text-slate-800">
          Prepared on <span data-testid="prepared-on">{formatDate(new Date())}</span> from the Durban Valuation Roll Explorer&apos;s copy of the {label}{" "}
          roll{asAt ? ` as at ${formatDate(asAt)}` : ""}. The figures are the roll&apos;s own; they are not a valuation.
        </p>
        <PrintButton label="Print this summary" />
      </header>
      <section aria-labelledby="legal-heading">
        <h2 id="legal-heading" className="font-semibold text-slate-950">The property, as the roll describes it</h2>
        <dl className="grid grid-cols-1 gap-x-6 sm:grid-cols-2 print:grid-cols-2" data-testid="legal-fields">
          {legal
            .filter(([, value]) => value !== null && value !== "")
            .map(([label, value]) => (
              <div key={label} className="flex gap-2 border-b border-slate-200 py-0.5 print:py-0">
                <dt className="w-2/5 shrink-0 font-medium text-slate-700">{label}</dt>
                <dd className="min-w-0 break-words text-slate-950">{value}</dd>
              </div>
            ))}
        </dl>
      </section>
      {comparables && comparables.comparables.length > 0 && (
        <section aria-labelledby="comparables-heading" className="space-y-1">
          <h2 id="comparables-heading" className="font-semibold text-slate-950">Comparable properties: {comparables.basis.description}</h2>
          <ul className="ml-5 list-disc">
            {comparables.standing.summary.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          <ComparablesTable
            comparables={comparables.comparables}
            roll={property.roll}
            defaultRoll={lookup.defaultRoll}
            previousRollLabel={comparables.previousRoll ? rollLabel(lookup.rolls, comparables.previousRoll) : null}
            linked={false}
          />
        </section>
      )}
      <section aria-labelledby="lodging-heading" className="space-y-1">
        <h2 id="lodging-heading" className="font-semibold text-slate-950">Lodging an objection</h2>
        <ObjectionFactsList facts={helper.facts} periodState={helper.periodState} rollLabel={label} />
      </section>
    </article>
  );
}
