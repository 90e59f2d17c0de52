import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeRangeChart } from "@/components/change-range-chart";
import { ChangeShareBar } from "@/components/change-share-bar";
import { database } from "@/lib/db/client";
import { formatNumber } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import { compareRolls, rollIdSchema, type RollId } from "@/lib/roll-links/roll-order";
import { rollLabel } from "@/lib/rolls/roll-id";
import { rollRegistry, type RollRegistry } from "@/lib/rolls/roll-registry";
import type { UnlinkedProperty } from "@/lib/roll-links/unlinked";
import { propertyPath } from "@/lib/search-state/search-results";
import { changeSearch, initialSearchState, searchHref } from "@/lib/search-state/search-state";
import { largestMovements } from "@/lib/roll-changes/largest-movements";
import { loadChanges, UNLINKED_SHOWN } from "@/lib/pages/load-changes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ roll: string; against: string }> };

async function readPair(props: Props): Promise<{ roll: RollId; against: RollId } | null> {
  const { roll, against } = await props.params;
  const a = rollIdSchema.safeParse(roll);
  const b = rollIdSchema.safeParse(against);
  return a.success && b.success && a.data !== b.data ? { roll: a.data, against: b.data } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const pair = await readPair(props);
  if (!pair) return { title: "Not found" };
  const { rolls } = await rollRegistry(database());
  return { title: `${rollLabel(rolls, pair.roll)} against ${rollLabel(rolls, pair.against)}: what changed` };
}

/** The search of a roll, when the app's search knows that roll (the roll registry will know them all). */
function searchOn(registry: RollRegistry, roll: RollId, patch: Parameters<typeof changeSearch>[1]): string | null {
  return registry.ids.includes(roll) ? searchHref(changeSearch(initialSearchState(roll), patch), registry.defaultRoll) : null;
}

function UnlinkedList({ rows, total, testId, registry }: { rows: UnlinkedProperty[]; total: number; testId: string; registry: RollRegistry }) {
  if (rows.length === 0) return <p className="text-slate-800">None.</p>;
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
                {row.address} · {row.suburb} · rate number {row.rateNumber} · {formatRand(row.marketValue)}
              </span>
            </li>
          );
        })}
      </ul>
      {total > rows.length && <p className="text-sm text-slate-700">The first {UNLINKED_SHOWN} of {formatNumber(total)}.</p>}
    </>
  );
}

/** How values moved between two rolls: overall, by suburb, by use; and what is on one roll only. */
export default async function ChangesPage(props: Props) {
  const pair = await readPair(props);
  if (!pair) notFound();
  const registry = await rollRegistry(database());
  const rollLabelOf = (id: RollId) => rollLabel(registry.rolls, id);
  const { roll, against } = pair;
  const data = await loadChanges(database(), roll, against);
  const [older, newer] = compareRolls(roll, against) < 0 ? [roll, against] : [against, roll];
  const label = `${rollLabelOf(roll)} against ${rollLabelOf(against)}`;
  const suburbRows = largestMovements(data.bySuburb, (group) => `/suburbs/${group.key}?roll=${roll}&against=${against}`);
  const useRows = largestMovements(data.byUse, (group) => searchOn(registry, roll, { useCode: typeof group.key === "number" ? group.key : null }) ?? `/api/changes?roll=${roll}&against=${against}&useCode=${group.key}`);
  const others = data.held.filter((other) => other !== roll);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{label}: what changed</h1>
        <p className="text-slate-800">
          Each property is followed from the {rollLabelOf(older)} roll to the {rollLabelOf(newer)} roll
          {data.basis === "links"
            ? " through the links between the rolls: by rate number, and by the land itself when the rate number changed. Land that was subdivided or consolidated has no single value to compare and is left out."
            : ". These two rolls have not been linked yet, so properties are matched by rate number only."}
        </p>
        {others.length > 1 && (
          <nav aria-label="Compare with another roll" className="flex flex-wrap gap-3 text-sm">
            {others
              .filter((other) => other !== against)
              .map((other) => (
                <Link key={other} href={`/changes/${roll}/${other}`} className="text-blue-800 underline">
                  {rollLabelOf(roll)} against {rollLabelOf(other)}
                </Link>
              ))}
          </nav>
        )}
        <p className="text-sm">
          <a href={`/api/changes?roll=${roll}&against=${against}&format=csv`} className="font-medium text-blue-800 underline">
            Download every property&apos;s change (CSV)
          </a>
        </p>
      </header>

      <section aria-labelledby="overall-heading" className="space-y-3">
        <h2 id="overall-heading" className="text-xl font-semibold text-slate-950">
          Overall
        </h2>
        <ChangeShareBar title={`Change in market value, ${rollLabelOf(older)} to ${rollLabelOf(newer)}`} change={data.all} />
      </section>

      <section aria-labelledby="suburb-heading" className="space-y-3">
        <h2 id="suburb-heading" className="text-xl font-semibold text-slate-950">
          Largest movements by suburb
        </h2>
        <ChangeRangeChart
          title="Median change and middle half, by suburb"
          note="The suburbs with the biggest median rise, then those with the biggest fall (at least 10 properties valued on both rolls)."
          rows={suburbRows}
          testId="suburb-changes"
        />
      </section>

      <section aria-labelledby="use-heading" className="space-y-3">
        <h2 id="use-heading" className="text-xl font-semibold text-slate-950">
          Largest movements by use
        </h2>
        <ChangeRangeChart title="Median change and middle half, by use" note="The biggest median rises, then the biggest falls." rows={useRows} testId="use-changes" />
      </section>

      <section aria-labelledby="unlinked-heading" className="space-y-3">
        <h2 id="unlinked-heading" className="text-xl font-semibold text-slate-950">
          On one roll only
        </h2>
        {data.linkSet === null ? (
          <p className="text-slate-800">These rolls have not been linked yet, so what is new and what is gone is not known.</p>
        ) : (
          <>
            <p className="text-slate-800">
              A property that seems to be missing from the {rollLabelOf(newer)} roll is often here: an erf made into a sectional scheme, joined with its
              neighbour into a new erf, or taken into a road. Linked on {data.linkSet.linkedAt.toISOString().slice(0, 10)}.
            </p>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <div className="space-y-2" data-testid="gone" data-count={data.linkSet.gone}>
                <h3 className="font-semibold text-slate-950">
                  Gone since {rollLabelOf(older)}: {formatNumber(data.linkSet.gone)}{" "}
                  <a href={`/api/rolls/${older}/unlinked?against=${newer}&format=csv`} className="text-sm font-normal text-blue-800 underline">
                    CSV
                  </a>
                </h3>
                <UnlinkedList rows={data.gone} total={data.linkSet.gone} testId="gone-list" registry={registry} />
              </div>
              <div className="space-y-2" data-testid="new" data-count={data.linkSet.added}>
                <h3 className="font-semibold text-slate-950">
                  New on {rollLabelOf(newer)}: {formatNumber(data.linkSet.added)}{" "}
                  <a href={`/api/rolls/${newer}/unlinked?against=${older}&format=csv`} className="text-sm font-normal text-blue-800 underline">
                    CSV
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
