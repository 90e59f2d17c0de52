import type { ChangeRangeRow } from "@/components/change-range-chart";
import type { ChangeGroup } from "@/lib/roll-changes/change-stats";

// The groups whose values moved most between two rolls, by median change in per cent. A group of
// a handful of properties moves by chance, so only groups with enough properties compared count.

export const MIN_COMPARED = 10;

/**
 * Chart rows: the `count` biggest median rises then the `count` biggest falls (a group once).
 * `notGiven` labels a group the roll gives no name (the page passes its language's words).
 */
export function largestMovements(
  groups: readonly ChangeGroup[],
  hrefOf: (group: ChangeGroup) => string,
  count = 8,
  minCompared = MIN_COMPARED,
  notGiven = "Not given",
): ChangeRangeRow[] {
  const rows = groups
    .filter((group) => group.change.compared >= minCompared && group.change.medianPercent !== null && group.change.q1Percent !== null && group.change.q3Percent !== null)
    .map((group) => ({
      key: String(group.key ?? "none"),
      label: group.label ?? notGiven,
      href: hrefOf(group),
      compared: group.change.compared,
      q1Percent: group.change.q1Percent!,
      medianPercent: group.change.medianPercent!,
      q3Percent: group.change.q3Percent!,
    }))
    .sort((a, b) => b.medianPercent - a.medianPercent || a.label.localeCompare(b.label));
  const rises = rows.slice(0, count);
  const falls = rows.slice(Math.max(count, rows.length - count));
  return [...rises, ...falls];
}
