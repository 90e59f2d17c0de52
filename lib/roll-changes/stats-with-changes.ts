import type { SearchOptions } from "@/lib/valuations/build-filter-conditions";
import type { Queryable } from "@/lib/valuations/queryable";
import type { StatsGroup, StatsGroupRow } from "@/lib/valuations/valuation-stats";
import type { RollId } from "@/lib/rolls/roll-id";
import type { OrderedRoll } from "@/lib/rolls/roll-order";
import { changeStats, toChangeSummary } from "./change-stats";
import { rollComparison, type ComparedFilters } from "./compared-pairs";

// GET /api/stats?compare=<roll>: each group's value figures with how its values moved against the
// other roll. A group with no property on both rolls gets `compared: 0`.

export async function withChanges(
  db: Queryable,
  stats: StatsGroupRow[],
  input: { filters: ComparedFilters; compare: RollId; rolls: readonly OrderedRoll[]; groupBy: StatsGroup; options: SearchOptions },
): Promise<StatsGroupRow[]> {
  const comparison = await rollComparison(db, input.rolls, input.filters.roll, input.compare);
  const changes = await changeStats(db, input.filters, input.compare, comparison, input.groupBy, input.options);
  const byKey = new Map(changes.map((group) => [String(group.key), group.change]));
  const none = toChangeSummary({ compared: 0, up: 0, flat: 0, down: 0, median_change: null, percents: null }, input.compare, comparison.basis);
  return stats.map((group) => ({ ...group, change: byKey.get(String(group.key)) ?? none }));
}
