import type { RollId } from "@/lib/rolls/roll-id";
import { changeSearch, searchHref, type SearchState } from "@/lib/search-state/search-state";
import type { HistogramBar } from "@/lib/suburbs/load-value-stats";
import type { QuartileRow, StatsTableRow } from "@/lib/suburbs/stats-rows";
import { QuartileChart } from "./quartile-chart";
import { StatsTable } from "./stats-table";
import { ValueHistogram } from "./value-histogram";

// The sections the suburbs overview and a suburb's page share: how values are spread, and the
// figures per group (a chart of the largest groups above a table of them all, full width so that
// every figure of the table is in view).

/** "How values are spread": each bar links to the search (within `search`) for its value band. */
export function ValueSpreadSection({
  title,
  histogram,
  unvalued,
  search,
  defaultRoll,
}: {
  title: string;
  histogram: HistogramBar[];
  unvalued: number;
  /** The search the bars narrow (the roll, and the suburb on a suburb's page). */
  search: SearchState;
  defaultRoll: RollId;
}) {
  const bars = histogram.map((bar) => ({
    ...bar,
    href: searchHref(changeSearch(search, { minValue: bar.min, maxValue: bar.max, sort: "marketValue" }), defaultRoll),
  }));
  return (
    <section aria-labelledby="distribution-heading" className="space-y-3">
      <h2 id="distribution-heading" className="text-xl font-semibold text-slate-950">
        How values are spread
      </h2>
      <ValueHistogram title={title} unvalued={unvalued} bars={bars} />
    </section>
  );
}

/** One grouping ("By use"): the chart of its largest groups, then the table of every group. */
export function GroupStatsSection({
  id,
  heading,
  chart,
  table,
}: {
  /** Unique on the page: names the heading. */
  id: string;
  heading: string;
  chart: { title: string; note: string; rows: QuartileRow[] };
  table: { caption: string; groupLabel: string; rows: StatsTableRow[]; testId: string };
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-950">
        {heading}
      </h2>
      <QuartileChart {...chart} />
      <StatsTable {...table} />
    </section>
  );
}
