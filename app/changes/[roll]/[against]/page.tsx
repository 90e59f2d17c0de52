import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ChangeRangeChart } from "@/components/change-range-chart";
import { ChangeShareBar } from "@/components/change-share-bar";
import { database } from "@/lib/db/client";
import { FORMAT_WORDS } from "@/lib/format/format-words";
import { getFormat } from "@/lib/i18n/get-format";
import { useFormat } from "@/lib/i18n/use-format";
import { rollLabel, type RollId } from "@/lib/rolls/roll-id";
import { olderFirst } from "@/lib/rolls/roll-order";
import { rollRegistry, type RollRegistry } from "@/lib/rolls/roll-registry";
import type { UnlinkedProperty } from "@/lib/roll-links/unlinked";
import { propertyPath } from "@/lib/search-state/search-results";
import { changeSearch, initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { largestMovements, MIN_COMPARED } from "@/lib/roll-changes/largest-movements";
import { loadChanges, UNLINKED_SHOWN } from "@/lib/pages/load-changes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ roll: string; against: string }> };

/** Two different registered rolls (any two: general or supplementary), or null. */
async function readPair(props: Props, registry: RollRegistry): Promise<{ roll: RollId; against: RollId } | null> {
  const { roll, against } = await props.params;
  return registry.ids.includes(roll) && registry.ids.includes(against) && roll !== against ? { roll, against } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [registry, t] = await Promise.all([rollRegistry(database()), getTranslations("changes")]);
  const pair = await readPair(props, registry);
  if (!pair) return { title: t("notFoundTitle") };
  return { title: t("title", { roll: rollLabel(registry.rolls, pair.roll), against: rollLabel(registry.rolls, pair.against) }) };
}

/** The search of a roll, when the app's search knows that roll (the roll registry will know them all). */
function searchOn(registry: RollRegistry, roll: RollId, patch: Parameters<typeof changeSearch>[1]): string | null {
  return registry.ids.includes(roll) ? searchHref(changeSearch(initialSearchState(roll), patch), registry.defaultRoll) : null;
}

function UnlinkedList({ rows, total, testId, registry }: { rows: UnlinkedProperty[]; total: number; testId: string; registry: RollRegistry }) {
  const t = useTranslations("changes.unlinked");
  const format = useFormat();
  if (rows.length === 0) return <p className="text-slate-800">{t("none")}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-300 bg-white" data-testid={testId}>
        {rows.map((row) => {
          const known = registry.ids.includes(row.roll);
          return (
            <li key={`${row.titleType}-${row.rateNumber}`} className="p-3 text-sm" data-rate-number={row.rateNumber}>
              {known ? (
                <Link href={propertyPath({ rateNumber: row.rateNumber, roll: row.roll, titleType: row.titleType }, registry.defaultRoll)} className="font-medium text-blue-800 underline">
                  {row.legalDescription}
                </Link>
              ) : (
                <span className="font-medium">{row.legalDescription}</span>
              )}
              <span className="block text-slate-700">
                {row.address} · {row.suburb} · {t("rateNumber", { rateNumber: row.rateNumber })} · {format.rand(row.marketValue)}
              </span>
            </li>
          );
        })}
      </ul>
      {total > rows.length && <p className="text-sm text-slate-700">{t("firstOf", { shown: format.number(UNLINKED_SHOWN), total: format.number(total) })}</p>}
    </>
  );
}

/** How values moved between two rolls: overall, by suburb, by use; and what is on one roll only. */
export default async function ChangesPage(props: Props) {
  const registry = await rollRegistry(database());
  const pair = await readPair(props, registry);
  if (!pair) notFound();
  const rollLabelOf = (id: RollId) => rollLabel(registry.rolls, id);
  const { roll, against } = pair;
  const [data, t, format] = await Promise.all([loadChanges(database(), registry.rolls, roll, against), getTranslations("changes"), getFormat()]);
  const [older, newer] = olderFirst(registry.rolls, roll, against);
  const notGiven = FORMAT_WORDS[format.locale].notGiven;
  const suburbRows = largestMovements(data.bySuburb, (group) => `/suburbs/${group.key}?roll=${roll}&against=${against}`, undefined, undefined, notGiven);
  const useRows = largestMovements(
    data.byUse,
    (group) => searchOn(registry, roll, { useCode: typeof group.key === "number" ? group.key : null }) ?? `/api/changes?roll=${roll}&against=${against}&useCode=${group.key}`,
    undefined,
    undefined,
    notGiven,
  );
  const others = data.held.filter((other) => other !== roll);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{t("title", { roll: rollLabelOf(roll), against: rollLabelOf(against) })}</h1>
        <p className="text-slate-800">{t(data.basis === "links" ? "introLinks" : "introRateNumber", { older: rollLabelOf(older), newer: rollLabelOf(newer) })}</p>
        {others.length > 1 && (
          <nav aria-label={t("otherRolls")} className="flex flex-wrap gap-3 text-sm">
            {others
              .filter((other) => other !== against)
              .map((other) => (
                <Link key={other} href={`/changes/${roll}/${other}`} className="text-blue-800 underline">
                  {t("against", { roll: rollLabelOf(roll), against: rollLabelOf(other) })}
                </Link>
              ))}
          </nav>
        )}
        <p className="text-sm">
          <a href={`/api/changes?roll=${roll}&against=${against}&format=csv`} className="font-medium text-blue-800 underline">
            {t("csv")}
          </a>
        </p>
      </header>

      <section aria-labelledby="overall-heading" className="space-y-3">
        <h2 id="overall-heading" className="text-xl font-semibold text-slate-950">
          {t("overall.heading")}
        </h2>
        <ChangeShareBar title={t("overall.chartTitle", { older: rollLabelOf(older), newer: rollLabelOf(newer) })} change={data.all} />
      </section>

      <section aria-labelledby="suburb-heading" className="space-y-3">
        <h2 id="suburb-heading" className="text-xl font-semibold text-slate-950">
          {t("bySuburb.heading")}
        </h2>
        <ChangeRangeChart
          title={t("bySuburb.chartTitle")}
          note={t("bySuburb.chartNote", { count: format.number(MIN_COMPARED) })}
          rows={suburbRows}
          testId="suburb-changes"
        />
      </section>

      <section aria-labelledby="use-heading" className="space-y-3">
        <h2 id="use-heading" className="text-xl font-semibold text-slate-950">
          {t("byUse.heading")}
        </h2>
        <ChangeRangeChart title={t("byUse.chartTitle")} note={t("byUse.chartNote")} rows={useRows} testId="use-changes" />
      </section>

      <section aria-labelledby="unlinked-heading" className="space-y-3">
        <h2 id="unlinked-heading" className="text-xl font-semibold text-slate-950">
          {t("unlinked.heading")}
        </h2>
        {data.linkSet === null ? (
          <p className="text-slate-800">{t("unlinked.notLinked")}</p>
        ) : (
          <>
            <p className="text-slate-800">{t("unlinked.intro", { newer: rollLabelOf(newer), date: data.linkSet.linkedAt.toISOString().slice(0, 10) })}</p>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <div className="space-y-2" data-testid="gone" data-count={data.linkSet.gone}>
                <h3 className="font-semibold text-slate-950">
                  {t("unlinked.gone", { roll: rollLabelOf(older), count: format.number(data.linkSet.gone) })}{" "}
                  <a href={`/api/rolls/${older}/unlinked?against=${newer}&format=csv`} className="text-sm font-normal text-blue-800 underline">
                    {t("unlinked.csv")}
                  </a>
                </h3>
                <UnlinkedList rows={data.gone} total={data.linkSet.gone} testId="gone-list" registry={registry} />
              </div>
              <div className="space-y-2" data-testid="new" data-count={data.linkSet.added}>
                <h3 className="font-semibold text-slate-950">
                  {t("unlinked.new", { roll: rollLabelOf(newer), count: format.number(data.linkSet.added) })}{" "}
                  <a href={`/api/rolls/${newer}/unlinked?against=${older}&format=csv`} className="text-sm font-normal text-blue-800 underline">
                    {t("unlinked.csv")}
                  </a>
                </h3>
                <UnlinkedList rows={data.added} total={data.linkSet.added} testId="new-list" registry={registry} />
              </div>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
