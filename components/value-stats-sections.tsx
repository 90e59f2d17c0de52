import { useTranslations } from "next-intl";
import type { RollId } from "@/lib/rolls/roll-id";
import { changeSearch, searchHref, type SearchState } from "@/lib/search-state/search-state";
import type { HistogramBar } from "@/lib/suburbs/load-value-stats";
import { valueBandLabel } from "@/lib/suburbs/value-bands";
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
  const t = useTranslations("suburbs");
  const words = {
    under: (to: string) => t("histogram.under", { to }),
    between: (from: string, to: string) => t("histogram.between", { from, to }),
    andMore: (from: string) => t("histogram.andMore", { from }),
  };
  const bars = histogram.map((bar) => ({
    ...bar,
    label: valueBandLabel(bar, words),
    href: searchHref(changeSearch(search, { minValue: bar.min, maxValue: bar.max, sort: "marketValue" }), defaultRoll),
  }));
  return (
    <section aria-labelledby="distribution-heading" className="space-y-3">
      <h2 id="distribution-heading" className="text-xl font-semibold text-slate-950">
        {t("spread.heading")}
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
  const t = useTranslations("suburbs.table");
  const headers = { count: t("properties"), min: t("lowest"), q1: t("q1"), median: t("median"), q3: t("q3"), max: t("highest") };
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-950">
        {heading}
      </h2>
      <QuartileChart {...chart} />
      <StatsTable {...table} headers={headers} />
    </section>
  );
}
