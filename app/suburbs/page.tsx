import type { Metadata } from "next";
import { RollSwitch } from "@/components/roll-switch";
import { GroupStatsSection, ValueSpreadSection } from "@/components/value-stats-sections";
import { database } from "@/lib/db/client";
import { formatCount } from "@/lib/format/format-number";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { initialSearchState } from "@/lib/search-state/search-state";
import { loadHistogram, loadStats } from "@/lib/suburbs/load-value-stats";
import { readRoll } from "@/lib/suburbs/read-roll";
import { chartRows, statsRows } from "@/lib/suburbs/stats-rows";

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

      <ValueSpreadSection
        title={`Market values on the ${rollLabel(rolls, roll)} roll`}
        histogram={histogram}
        unvalued={properties - valued}
        search={initialSearchState(roll)}
        defaultRoll={registry.defaultRoll}
      />
      <GroupStatsSection
        id="use"
        heading="By use"
        chart={{ title: "Median and middle half of values, by use", note: "The 12 most common uses, lowest median first.", rows: chartRows(useRows, 12) }}
        table={{ caption: "Market values by use", groupLabel: "Use", rows: useRows, testId: "use-table" }}
      />
      <GroupStatsSection
        id="suburb"
        heading="By suburb"
        chart={{ title: "Median and middle half of values, by suburb", note: "The 15 suburbs with the most properties, lowest median first.", rows: chartRows(suburbRows, 15) }}
        table={{ caption: "Market values by suburb", groupLabel: "Suburb", rows: suburbRows, testId: "suburb-table" }}
      />
    </div>
  );
}
