import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FollowLink } from "@/components/follow-link";
import { RollSwitch } from "@/components/roll-switch";
import { GroupStatsSection, ValueSpreadSection } from "@/components/value-stats-sections";
import { database } from "@/lib/db/client";
import { feedPath } from "@/lib/feeds/feed-paths";
import { getFormat } from "@/lib/i18n/get-format";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { loadSuburbChanges, readAgainst } from "@/lib/suburbs/load-suburb-changes";
import { loadHistogram, loadStats } from "@/lib/suburbs/load-value-stats";
import { readRoll } from "@/lib/suburbs/read-roll";
import { chartRows, statsRows, suburbPagePath } from "@/lib/suburbs/stats-rows";
import { SuburbChangesSection } from "./suburb-changes";

// How many groups the use chart shows (the table shows them all).
const USES_CHARTED = 10;

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
  return summary ? { suburbId, roll, summary, name: summary.label ?? suburbId, defaultRoll: registry.defaultRoll, rolls: rollOptions(registry), registry } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [suburb, t] = await Promise.all([loadSuburb(props), getTranslations("suburbs.suburb")]);
  if (!suburb) return { title: t("notFoundTitle") };
  const feed = feedPath({ roll: suburb.roll, suburb: suburb.name });
  return {
    title: t("title", { name: suburb.name }),
    alternates: { types: { "application/atom+xml": [{ url: feed, title: t("feedTitle", { name: suburb.name }) }] } },
  };
}

/** One suburb: the spread of its values, and median and quartiles per use and rating category. */
export default async function SuburbPage(props: Props) {
  const suburb = await loadSuburb(props);
  if (!suburb) notFound();
  const { suburbId, roll, summary, name, defaultRoll, rolls, registry } = suburb;
  const db = database();
  const against = readAgainst(await props.searchParams, roll, registry);
  const [byUse, byCategory, histogram, changes, t, tGroups, format] = await Promise.all([
    loadStats(db, roll, "useCode", suburbId),
    loadStats(db, roll, "ratingCategory", suburbId),
    loadHistogram(db, roll, suburbId),
    loadSuburbChanges(db, registry, roll, suburbId, against),
    getTranslations("suburbs.suburb"),
    getTranslations("suburbs.groups"),
    getFormat(),
  ]);
  const changesHref = (other: string | null) => {
    const path = suburbPagePath(suburbId, roll, defaultRoll);
    return other === null ? path : `${path}${path.includes("?") ? "&" : "?"}against=${other}`;
  };
  const words = { noUseCode: tGroups("noUseCode"), noRatingCategory: tGroups("noRatingCategory"), noSuburb: tGroups("noSuburb"), unnamedUse: tGroups("unnamedUse") };
  const context = { roll, defaultRoll, suburbName: name, words };
  const useRows = statsRows("useCode", byUse, context);
  const categoryRows = statsRows("ratingCategory", byCategory, context);
  const base = { ...initialSearchState(roll), suburb: name };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={roll === defaultRoll ? "/suburbs" : `/suburbs?roll=${roll}`} className="text-blue-800 underline">
            {t("allSuburbs")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{name}</h1>
        <p className="text-slate-800" data-testid="suburb-summary" data-count={summary.count} data-median={summary.median ?? ""}>
          {t("summary", {
            n: summary.count,
            count: format.number(summary.count),
            roll: rollLabel(rolls, roll),
            median: format.rand(summary.median),
            q1: format.rand(summary.q1),
            q3: format.rand(summary.q3),
          })}
        </p>
        <p className="flex flex-wrap items-center gap-3">
          <Link href={searchHref(base, defaultRoll)} className="font-medium text-blue-800 underline">
            {t("search", { name })}
          </Link>
          <FollowLink href={feedPath({ roll, suburb: name })} what={t("follow", { name })} />
        </p>
        <RollSwitch rolls={rolls} current={roll} hrefFor={(other) => suburbPagePath(suburbId, other, defaultRoll)} />
      </header>

      <ValueSpreadSection title={t("histogramTitle", { name })} histogram={histogram} unvalued={summary.count - summary.valued} search={base} defaultRoll={defaultRoll} />

      <SuburbChangesSection name={name} roll={roll} rolls={rolls} hrefFor={changesHref} changes={changes} />

      <GroupStatsSection
        id="use"
        heading={t("byUse")}
        chart={{ title: t("useChartTitle", { name }), note: t("useChartNote", { count: format.number(USES_CHARTED) }), rows: chartRows(useRows, USES_CHARTED) }}
        table={{ caption: t("useTableCaption", { name }), groupLabel: tGroups("use"), rows: useRows, testId: "use-table" }}
      />
      <GroupStatsSection
        id="category"
        heading={t("byCategory")}
        chart={{ title: t("categoryChartTitle", { name }), note: t("categoryChartNote"), rows: chartRows(categoryRows, 10) }}
        table={{ caption: t("categoryTableCaption", { name }), groupLabel: tGroups("ratingCategory"), rows: categoryRows, testId: "category-table" }}
      />
    </div>
  );
}
