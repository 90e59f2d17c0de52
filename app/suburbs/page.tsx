import type { Metadata } from "next";
import { QuartileChart } from "@/components/quartile-chart";
import { RollSwitch } from "@/components/roll-switch";
import { StatsTable } from "@/components/stats-table";
import { ValueHistogram } from "@/components/value-histogram";
import { database } from "@/lib/db/client";
import { formatCount } from "@/lib/format/format-number";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { changeSearch, initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { loadHistogram, loadStats } from "./_data/load-value-stats";
import { readRoll } from "./_data/read-roll";
import { chartRows, statsRows } from "./_data/stats-rows";

export const metadata: Metadata = { title: "Property values by suburb" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Market values across the roll: their spread, and median and quartiles per suburb and per use. */
export default async function SuburbsPage({ searchParams }: Props) {
  const db = database();
  const registry = await rollRegistry(db);
  const rolls = rollOptions(registry);
  const roll = readRoll(await searchParams, registry);
  const [bySuburb, byUse, histogram] = await Promise.all([loadStats(db, roll, "suburb"), loadStats(db, roll, "useCode"), loadHistogram(db, roll)]);
  const context = { roll, defaultRoll: registry.defaultRoll };
  const suburbRows = statsRows("suburb", bySuburb, { ...context, linkSuburbPages: true });
  const useRows = statsRows("useCode", byUse, context);
  const properties = bySuburb.reduce((sum, group) => sum + group.count, 0);
  const valued = bySuburb.reduce((sum, group) => sum + group.valued, 0);
  const base = initialSearchState(roll);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">Property values by suburb</h1>
        <p className="text-slate-800">
          {formatCount(properties, "property", "properties")} in {formatCount(bySuburb.length, "suburb", "suburbs")} on the {rollLabel(rolls, roll)} roll. Medians and
          quartiles count only properties with a market value. Choose a suburb for its own charts, or a bar to see those properties.
        </p>
        <RollSwitch rolls={rolls} current={roll} hrefFor={(other) => (other === registry.defaultRoll ? "/suburbs" : `/suburbs?roll=${other}`)} />
      </header>

      <section aria-labelledby="distribution-heading" className="space-y-3">
        <h2 id="distribution-heading" className="text-xl font-semibold text-slate-950">
          How values are spread
        </h2>
        <ValueHistogram
          title={`Market values on the ${rollLabel(rolls, roll)} roll`}
          unvalued={properties - valued}
          bars={histogram.map((bar) => ({
            ...bar,
            href: searchHref(changeSearch(base, { minValue: bar.min, maxValue: bar.max, sort: "marketValue" }), registry.defaultRoll),
          }))}
        />
      </section>

      <section aria-labelledby="use-heading" className="space-y-3">
        <h2 id="use-heading" className="text-xl font-semibold text-slate-950">
          By use
        </h2>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <QuartileChart title="Median and middle half of values, by use" note="The 12 most common uses, lowest median first." rows={chartRows(useRows, 12)} />
          <StatsTable caption="Market values by use" groupLabel="Use" rows={useRows} testId="use-table" />
        </div>
      </section>

      <section aria-labelledby="suburb-heading" className="space-y-3">
        <h2 id="suburb-heading" className="text-xl font-semibold text-slate-950">
          By suburb
        </h2>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <QuartileChart title="Median and middle half of values, by suburb" note="The 15 suburbs with the most properties, lowest median first." rows={chartRows(suburbRows, 15)} />
          <StatsTable caption="Market values by suburb" groupLabel="Suburb" rows={suburbRows} testId="suburb-table" />
        </div>
      </section>
    </div>
  );
}
