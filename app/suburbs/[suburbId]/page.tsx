import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowLink } from "@/components/follow-link";
import { RollSwitch } from "@/components/roll-switch";
import { GroupStatsSection, ValueSpreadSection } from "@/components/value-stats-sections";
import { database } from "@/lib/db/client";
import { feedPath } from "@/lib/feeds/feed-paths";
import { formatCount } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { loadSuburbChanges, readAgainst } from "@/lib/suburbs/load-suburb-changes";
import { loadHistogram, loadStats } from "@/lib/suburbs/load-value-stats";
import { readRoll } from "@/lib/suburbs/read-roll";
import { chartRows, statsRows, suburbPagePath } from "@/lib/suburbs/stats-rows";
import { SuburbChangesSection } from "./suburb-changes";

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
  if (!suburb) return { title: "Suburb not found" };
  const feed = feedPath({ roll: suburb.roll, suburb: suburb.name });
  return {
    title: `${suburb.name}: property values`,
    alternates: { types: { "application/atom+xml": [{ url: feed, title: `Changes in ${suburb.name}` }] } },
  };
}

/** One suburb: the spread of its values, and median and quartiles per use and rating category. */
export default async function SuburbPage(props: Props) {
  const suburb = await loadSuburb(props);
  if (!suburb) notFound();
  const { suburbId, roll, summary, name, defaultRoll, rolls } = suburb;
  const db = database();
  const against = readAgainst(await props.searchParams, roll);
  const [byUse, byCategory, histogram, changes] = await Promise.all([
    loadStats(db, roll, "useCode", suburbId),
    loadStats(db, roll, "ratingCategory", suburbId),
    loadHistogram(db, roll, suburbId),
    loadSuburbChanges(db, roll, suburbId, against),
  ]);
  const changesHref = (other: string | null) => {
    const path = suburbPagePath(suburbId, roll, defaultRoll);
    return other === null ? path : `${path}${path.includes("?") ? "&" : "?"}against=${other}`;
  };
  const context = { roll, defaultRoll, suburbName: name };
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
          <FollowLink href={feedPath({ roll, suburb: name })} what={`the properties of ${name}`} />
        </p>
        <RollSwitch rolls={rolls} current={roll} hrefFor={(other) => suburbPagePath(suburbId, other, defaultRoll)} />
      </header>

      <ValueSpreadSection title={`Market values in ${name}`} histogram={histogram} unvalued={summary.count - summary.valued} search={base} defaultRoll={defaultRoll} />

      <SuburbChangesSection name={name} roll={roll} hrefFor={changesHref} changes={changes} />

      <GroupStatsSection
        id="use"
        heading="By use"
        chart={{ title: `Median and middle half of values in ${name}, by use`, note: "The 10 most common uses, lowest median first.", rows: chartRows(useRows, 10) }}
        table={{ caption: `Market values in ${name} by use`, groupLabel: "Use", rows: useRows, testId: "use-table" }}
      />
      <GroupStatsSection
        id="category"
        heading="By rating category"
        chart={{ title: `Median and middle half of values in ${name}, by rating category`, note: "Lowest median first.", rows: chartRows(categoryRows, 10) }}
        table={{ caption: `Market values in ${name} by rating category`, groupLabel: "Rating category", rows: categoryRows, testId: "category-table" }}
      />
    </div>
  );
}
