import type { Metadata } from "next";
import Link from "next/link";
import { config, type OwnerNamesMode } from "@/lib/config";
import { database } from "@/lib/db/client";
import { formatDate } from "@/lib/format/format-date";
import { rollRegistry, type RegisteredRoll } from "@/lib/rolls/roll-registry";

export const metadata: Metadata = { title: "About the data" };

// What this page says depends on the deployment's settings, read at request time.
export const dynamic = "force-dynamic";

const OWNER_NAMES_SHOWN: Record<OwnerNamesMode, string> = {
  property:
    "A property's own page (and its API resource) shows its owners as the roll lists them, as the municipality's site does on that property's row. Names appear nowhere else.",
  hidden: "This site shows no owner names at all. The municipality's own valuation roll site lists the first owner of each property.",
  full:
    "This deployment is run for the municipality: owner names are shown on property pages and in search results, downloads and the API's lists, and the search box also finds owners by name.",
};

const FIELDS: [string, string][] = [
  ["Rate number", "The municipality's number for the property's rates account, as the roll shows it (leading zeros kept). A few properties are listed without one."],
  ["Legal description", "How the Deeds Office describes the land: erf (stand) number, portion, remainder, township or farm; for a sectional title unit, the scheme and section number."],
  ["Address", "The street address as the roll gives it, with the site's extra spaces removed. Some properties have no street address."],
  ["Use", "The municipal use code and what it means (for example Single Residential). It is the use the valuer recorded, not the zoning."],
  ["Rating category", "The category that sets the rate charged (Residential, Business & Commercial, Vacant Land and others)."],
  ["Market value", "What the municipal valuer found the property would sell for on the valuation date, in whole rand. Rates are charged on it."],
  ["Registered extent", "The land area registered at the Deeds Office, in square metres (for a sectional unit, the section's floor area)."],
  ["First owner", "The first registered owner the roll lists. A property may have several owners; the property profile lists all of them when we have read it."],
];

/** "valuation date 2 July 2021; in force from 1 July 2022 to 30 June 2026", from what the registry knows. */
function rollDates(roll: RegisteredRoll): string {
  const day = (date: string) => formatDate(`${date}T12:00:00Z`);
  const valued = roll.valuationDate ? `valuation date ${day(roll.valuationDate)}; ` : "";
  const until = roll.effectiveTo ? ` to ${day(roll.effectiveTo)}` : "";
  const planned = roll.status === "planned" ? " (not read here yet)" : "";
  return `${valued}in force from ${day(roll.effectiveFrom)}${until}${planned}`;
}

/** Where the data comes from, how fresh it is, what the fields mean, and how owner names are treated. */
export default async function AboutPage() {
  const { rolls } = await rollRegistry(database());
  return (
    <article className="max-w-3xl space-y-8 text-slate-900">
      <header>
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">About the data</h1>
      </header>

      <section aria-labelledby="source-heading" className="space-y-2">
        <h2 id="source-heading" className="text-xl font-semibold text-slate-950">
          Where it comes from
        </h2>
        <p>
          eThekwini Municipality publishes each valuation roll on a website of its own (the 2022 roll at valuation2022.durban.gov.za). Those sites
          show one suburb at a time, with no paging, sorting or download. This site reads every
          suburb of each roll, politely and slowly, stores every row with the cells exactly as displayed, and serves it here and through an{" "}
          <a href="/docs" className="text-blue-800 underline">
            open JSON API
          </a>
          .
        </p>
        <ul className="ml-5 list-disc" data-testid="roll-dates">
          {rolls.map((roll) => (
            <li key={roll.id}>
              {roll.label}: {rollDates(roll)}.
            </li>
          ))}
        </ul>
        <p>
          Supplementary valuations, objections and appeals change entries between general valuations; the municipality&apos;s site is the official
          record.
        </p>
      </section>

      <section aria-labelledby="fresh-heading" className="space-y-2">
        <h2 id="fresh-heading" className="text-xl font-semibold text-slate-950">
          How fresh it is
        </h2>
        <p>
          We read the rolls again every night. Each search page shows &ldquo;Data as at&rdquo;: when the last complete read finished, and the dates the
          municipality states for its own data (&ldquo;Property Register and Market Valuations&rdquo; and &ldquo;Ownership Information&rdquo;).
        </p>
        <p>
          Every change we see is kept: a property&apos;s page shows when its value, use, owner or description changed, and when it left or came back
          to the roll. A property is marked as gone only after a complete, verified read of the whole roll no longer finds it; a read that fails
          part-way never removes anything.
        </p>
      </section>

      <section aria-labelledby="fields-heading" className="space-y-2">
        <h2 id="fields-heading" className="text-xl font-semibold text-slate-950">
          What the fields mean
        </h2>
        <dl className="space-y-3">
          {FIELDS.map(([term, meaning]) => (
            <div key={term}>
              <dt className="font-semibold">{term}</dt>
              <dd className="text-slate-800">{meaning}</dd>
            </div>
          ))}
        </dl>
        <p>
          Numbers are written the South African way: R 1 830 000, 1 634 m², 12,5%. Medians and quartiles on the{" "}
          <Link href="/suburbs" className="text-blue-800 underline">
            suburb pages
          </Link>{" "}
          count only properties that have a market value.
        </p>
        <p>
          In a CSV download, a text cell that starts with =, +, -, @, a tab or a carriage return begins with an apostrophe (&apos;), so that a
          spreadsheet shows it as text instead of running it as a formula. Numbers and the NDJSON download are written unchanged.
        </p>
      </section>

      <section id="owner-names" aria-labelledby="privacy-heading" className="space-y-3">
        <h2 id="privacy-heading" className="text-xl font-semibold text-slate-950">
          Owner names and privacy
        </h2>
        <p>
          Valuation rolls are public records, open for inspection under the Municipal Property Rates Act (section 49), and the municipality&apos;s
          own site shows the first owner on each property&apos;s row. Owner names are still personal information under the Protection of Personal
          Information Act (POPIA), so we use them only as far as that purpose needs.
        </p>
        <h3 className="font-semibold text-slate-950">What we show</h3>
        <p data-testid="owner-names-mode">{OWNER_NAMES_SHOWN[config.OWNER_NAMES]}</p>
        <h3 className="font-semibold text-slate-950">What we do not do</h3>
        <ul className="ml-5 list-disc space-y-1">
          {config.OWNER_NAMES !== "full" && <li>No owner search: the search box does not look at owner names (the municipality&apos;s site has no owner search either).</li>}
          {config.OWNER_NAMES !== "full" && <li>No lists of names: search results, downloads (CSV, NDJSON), statistics and the API&apos;s lists carry no owner names and cannot be sorted by owner.</li>}
          <li>No search terms kept: our request logs record which page or API was asked for and the names of the search fields, never what was typed into them.</li>
          {!config.SEARCH_ENGINE_INDEXING && <li>No search-engine indexing of property pages: they are marked &ldquo;noindex&rdquo; and robots.txt keeps crawlers off them and off the API.</li>}
        </ul>
        <h3 className="font-semibold text-slate-950">How long we keep names</h3>
        <p>
          The current owners are kept as long as the roll lists them, and replaced when the roll changes.{" "}
          {config.OWNER_NAMES === "full"
            ? `The history of a property keeps the names before and after an owner change for ${config.OWNER_HISTORY_DAYS} days; after that it records only that the owner changed.`
            : "The history of a property records that the owner changed, never the earlier or later names."}
        </p>
        <h3 className="font-semibold text-slate-950">Asking for your name to be withheld</h3>
        <p>
          If you are a listed owner and want your name withheld on this site, ask the people who run it, giving the property&apos;s rate number; once
          they add it to the suppression list, no page, download or API answer here shows that property&apos;s owners, and its page says so. This
          does not change the official roll: to correct it, contact eThekwini Municipality&apos;s valuation department through the municipality&apos;s
          website,{" "}
          <a href="https://www.durban.gov.za/" className="text-blue-800 underline">
            www.durban.gov.za
          </a>
          . We follow the roll&apos;s next publication.
        </p>
      </section>
    </article>
  );
}
