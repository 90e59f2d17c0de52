import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RollSwitch } from "@/components/roll-switch";
import { GroupStatsSection, ValueSpreadSection } from "@/components/value-stats-sections";
import { database } from "@/lib/db/client";
import { getFormat } from "@/lib/i18n/get-format";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { initialSearchState } from "@/lib/search-state/search-state";
import { loadHistogram, loadStats } from "@/lib/suburbs/load-value-stats";
import { readRoll } from "@/lib/suburbs/read-roll";
import { chartRows, statsRows } from "@/lib/suburbs/stats-rows";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("suburbs.list");
  return { title: t("title") };
}

// How many groups each chart shows (the tables show them all).
const USES_CHARTED = 12;
const SUBURBS_CHARTED = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Market values across the roll: their spread, and median and quartiles per suburb and per use. */
export default async function SuburbsPage({ searchParams }: Props) {
  const db = database();
  const registry = await rollRegistry(db);
  const rolls = rollOptions(registry);
  const roll = readRoll(await searchParams, registry);
  const [bySuburb, byUse, histogram, t, tGroups, format] = await Promise.all([
    loadStats(db, roll, "suburb"),
    loadStats(db, roll, "useCode"),
    loadHistogram(db, roll),
    getTranslations("suburbs.list"),
    getTranslations("suburbs.groups"),
    getFormat(),
  ]);
  const words = { noUseCode: tGroups("noUseCode"), noRatingCategory: tGroups("noRatingCategory"), noSuburb: tGroups("noSuburb"), unnamedUse: tGroups("unnamedUse") };
  const context = { roll, defaultRoll: registry.defaultRoll, words };
  const suburbRows = statsRows("suburb", bySuburb, { ...context, linkSuburbPages: true });
  const useRows = statsRows("useCode", byUse, context);
  const properties = bySuburb.reduce((sum, group) => sum + group.count, 0);
  const valued = bySuburb.reduce((sum, group) => sum + group.valued, 0);
  const label = rollLabel(rolls, roll);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{t("title")}</h1>
        <p className="text-slate-800">
          {t("summary", {
            properties,
            propertyCount: format.number(properties),
            suburbs: bySuburb.length,
            suburbCount: format.number(bySuburb.length),
            roll: label,
          })}
        </p>
        <RollSwitch rolls={rolls} current={roll} hrefFor={(other) => (other === registry.defaultRoll ? "/suburbs" : `/suburbs?roll=${other}`)} />
      </header>

      <ValueSpreadSection
        title={t("histogramTitle", { roll: label })}
        histogram={histogram}
        unvalued={properties - valued}
        search={initialSearchState(roll)}
        defaultRoll={registry.defaultRoll}
      />
      <GroupStatsSection
        id="use"
        heading={t("byUse")}
        chart={{ title: t("useChartTitle"), note: t("useChartNote", { count: format.number(USES_CHARTED) }), rows: chartRows(useRows, USES_CHARTED) }}
        table={{ caption: t("useTableCaption"), groupLabel: tGroups("use"), rows: useRows, testId: "use-table" }}
      />
      <GroupStatsSection
        id="suburb"
        heading={t("bySuburb")}
        chart={{ title: t("suburbChartTitle"), note: t("suburbChartNote", { count: format.number(SUBURBS_CHARTED) }), rows: chartRows(suburbRows, SUBURBS_CHARTED) }}
        table={{ caption: t("suburbTableCaption"), groupLabel: tGroups("suburb"), rows: suburbRows, testId: "suburb-table" }}
      />
    </div>
  );
}
