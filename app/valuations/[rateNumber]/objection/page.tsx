import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ComparablesTable } from "@/components/comparables-table";
import { ObjectionFactsList } from "@/components/objection-facts-list";
import { PrintButton } from "@/components/print-button";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { getFormat } from "@/lib/i18n/get-format";
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
  const [lookup, t] = await Promise.all([readPropertyLookup(props), getTranslations("objection.summary")]);
  return { title: lookup ? t("title", { rateNumber: lookup.rateNumber }) : t("notFound"), robots: propertyPageRobots(config.SEARCH_ENGINE_INDEXING) };
}

export default async function ObjectionSummaryPage(props: Props) {
  const lookup = await readPropertyLookup(props);
  if (!lookup) notFound();
  const { result, asAt } = await loadProperty(lookup.rateNumber, lookup.roll, lookup.title);
  if (result.kind !== "found") notFound();
  const property = result.body.data;
  const [helper, t, tObjection, format] = await Promise.all([
    loadObjectionHelper(database(), property),
    getTranslations("objection.summary"),
    getTranslations("objection"),
    getFormat(),
  ]);
  const label = rollLabel(lookup.rolls, property.roll);
  const { comparables, wording } = helper;
  const legal: [string, string | null][] = [
    [t("legal.rateNumber"), property.rateNumber],
    [t("legal.roll"), label],
    [t("legal.title"), property.titleType === "sectional" ? t("legal.sectionalTitle") : t("legal.fullTitle")],
    [t("legal.legalDescription"), property.legalDescription],
    [t("legal.erfNumber"), property.erfNumber],
    [t("legal.portion"), property.portionNumber],
    [property.isFarm ? t("legal.farm") : t("legal.township"), property.township],
    [t("legal.scheme"), property.schemeName],
    [t("legal.sectionNumber"), property.sectionNumber],
    [t("legal.address"), property.address],
    [t("legal.suburb"), property.suburbName],
    [t("legal.extent"), property.registeredExtent === null ? null : format.extent(property.registeredExtent)],
    [t("legal.use"), property.useDescription ? `${property.useDescription}${property.useCode !== null ? ` (${property.useCode})` : ""}` : null],
    [t("legal.ratingCategory"), property.ratingCategory],
    [t("legal.marketValue"), format.rand(property.marketValue)],
  ];
  const preparedOn = { date: format.date(new Date()), roll: label, prepared: (chunks: ReactNode) => <span data-testid="prepared-on">{chunks}</span> };
  return (
    <article className="mx-auto max-w-3xl space-y-4 text-sm print:max-w-none print:space-y-1.5 print:text-[8.5pt] print:leading-snug" data-testid="objection-summary">
      <p className="print:hidden">
        <Link href={propertyPath(property, lookup.defaultRoll)} className="text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-xl font-bold text-slate-950">{t("title", { rateNumber: property.rateNumber })}</h1>
        <p className="text-slate-800">
          {asAt ? t.rich("preparedAsAt", { ...preparedOn, asAt: format.date(asAt) }) : t.rich("prepared", preparedOn)}
        </p>
        <PrintButton label={t("print")} />
      </header>
      <section aria-labelledby="legal-heading">
        <h2 id="legal-heading" className="font-semibold text-slate-950">{t("legalHeading")}</h2>
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
      {comparables && wording && comparables.comparables.length > 0 && (
        <section aria-labelledby="comparables-heading" className="space-y-1">
          <h2 id="comparables-heading" className="font-semibold text-slate-950">
            {t("comparablesHeading", { basis: tObjection(wording.basis.key, wording.basis.values) })}
          </h2>
          <ul className="ml-5 list-disc">
            {wording.standing
              .map((sentence) => tObjection(sentence.key, sentence.values))
              .map((sentence) => (
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
        <h2 id="lodging-heading" className="font-semibold text-slate-950">{t("lodgingHeading")}</h2>
        <ObjectionFactsList facts={helper.facts} periodState={helper.periodState} rollLabel={label} />
      </section>
    </article>
  );
}
