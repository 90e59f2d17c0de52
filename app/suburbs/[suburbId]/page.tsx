import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuartileChart } from "@/components/quartile-chart";
import { RollSwitch } from "@/components/roll-switch";
import { StatsTable } from "@/components/stats-table";
import { ValueHistogram } from "@/components/value-histogram";
import { database } from "@/lib/db/client";
import { formatCount } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import { changeSearch, initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { loadHistogram, loadStats } from "../_data/load-value-stats";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { readRoll } from "../_data/read-roll";
import { chartRows, statsRows, suburbPagePath } from "../_data/stats-rows";

type Props = {
  params: Promise<{ suburbId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadSuburb(props: Props) {
  const { suburbId } = await props.params;
  if (!/^\d{1,10}$/.test(suburbId)) return null;
  const registry = await rollRegistry(database());
  const roll = readRoll(await props.searchParams, registry);
  const [summary] = await loadStats(database(), roll, "suburb", suburbId);
  return summary ? { suburbId, roll, summary, name: summary.label ?? suburbId, defaultRoll: registry.defaultRoll, rolls: rollOptions(registry) } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const suburb = await loadSuburb(props);
  return { title: suburb ? `${suburb.name}: property values` : "Suburb not found" };
}

/** One suburb: the spread of its values, and median and quartiles per use and rating category. */
export default async function SuburbPage(props: Props) {
  const suburb = await loadSuburb(props);
  if (!suburb) notFound();
  const { suburbId, roll, summary, name, defaultRoll, rolls } = suburb;
  const db = database();
  const [byUse, byCategory, histogram] = await Promise.all([
    loadStats(db, roll, "useCode", suburbId),
    loadStats(db, roll, "ratingCategory", suburbId),
    loadHistogram(db, roll, suburbId),
  ]);
  const context = { roll, defaultRoll: defaultRoll, suburbName: name };
  const useRows = statsRows("useCode", byUse, context);
  const categoryRows = statsRows("ratingCategory", byCategory, context);
  const base = { ...initialSearchState(roll), suburb: name };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={roll === defaultRoll ? "/suburbs" : `/suburbs?roll=${roll}`} className="text-blue-800 underline">
            All suburbs
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{name}</h1>
        <p className="text-slate-800" data-testid="suburb-summary" data-count={summary.count} data-median={summary.median ?? ""}>
          {formatCount(summary.count, "property", "properties")} on the {rollLabel(rolls, roll)} roll; median market value {formatRand(summary.median)}, middle half{" "}
          {formatRand(summary.q1)} to {formatRand(summary.q3)}.
        </p>
        <p className="flex flex-wrap items-center gap-3">
          <Link href={searchHref(base, defaultRoll)} className="font-medium text-blue-800 underline">
            Search the properties of {name}
          </Link>
        </p>
        <RollSwitch rolls={rolls} current={roll} hrefFor={(other) => suburbPagePath(suburbId, other, defaultRoll)} />
      </header>

      <section aria-labelledby="distribution-heading" className="space-y-3">
        <h2 id="distribution-heading" className="text-xl font-semibold text-slate-950">
          How values are spread
        </h2>
        <ValueHistogram
          title={`Market values in ${name}`}
          unvalued={summary.count - summary.valued}
          bars={histogram.map((bar) => ({
            ...bar,
            href: searchHref(changeSearch(base, { minValue: bar.min, maxValue: bar.max, sort: "marketValue" }), defaultRoll),
          }))}
        />
      </section>

      <section aria-labelledby="use-heading" className="space-y-3">
        <h2 id="use-heading" className="text-xl font-semibold text-slate-950">
          By use
        </h2>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <QuartileChart title={`Median and middle half of values in ${name}, by use`} note="The 10 most common uses, lowest median first." rows={chartRows(useRows, 10)} />
          <StatsTable caption={`Market values in ${name} by use`} groupLabel="Use" rows={useRows} testId="use-table" />
        </div>
      </section>

      <section aria-labelledby="category-heading" className="space-y-3">
        <h2 id="category-heading" className="text-xl font-semibold text-slate-950">
          By rating category
        </h2>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <QuartileChart title={`Median and middle half of values in ${name}, by rating category`} note="Lowest median first." rows={chartRows(categoryRows, 10)} />
          <StatsTable caption={`Market values in ${name} by rating category`} groupLabel="Rating category" rows={categoryRows} testId="category-table" />
        </div>
      </section>
    </div>
  );
}
