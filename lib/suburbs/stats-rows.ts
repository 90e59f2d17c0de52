import type { RollId } from "@/lib/rolls/roll-id";
import { changeSearch, initialSearchState, searchHref, type SearchState } from "@/lib/search-state/search-state";
import type { StatsGroup, StatsGroupRow } from "@/lib/valuations/valuation-stats";

// Turns /api/stats groups into the rows of the charts and tables, each linking to the search for
// that group (or, for suburbs on the overview, to the suburb's own page).

/** One group (a suburb, a use, a rating category) of a statistics table. */
export type StatsTableRow = {
  key: string;
  label: string;
  href: string;
  count: number;
  valued: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
};

/** One bar of the quartile chart. */
export type QuartileRow = Pick<StatsTableRow, "key" | "label" | "href" | "count" | "q1" | "median" | "q3">;

/** The words of a group's label where the roll gives none (a page passes its catalogue's). */
export type GroupWords = { noUseCode: string; noRatingCategory: string; noSuburb: string; unnamedUse: string };

const ENGLISH_GROUP_WORDS: GroupWords = { noUseCode: "No use code", noRatingCategory: "No rating category", noSuburb: "No suburb", unnamedUse: "Use" };

export function groupLabel(groupBy: StatsGroup, group: StatsGroupRow, words: GroupWords = ENGLISH_GROUP_WORDS): string {
  if (group.key === null) return groupBy === "useCode" ? words.noUseCode : groupBy === "ratingCategory" ? words.noRatingCategory : words.noSuburb;
  if (groupBy === "useCode") return `${group.label ?? words.unnamedUse} (${group.key})`;
  return group.label ?? String(group.key);
}

function groupSearch(groupBy: StatsGroup, group: StatsGroupRow, base: SearchState): SearchState | null {
  if (group.key === null) return null;
  if (groupBy === "useCode") return changeSearch(base, { useCode: Number(group.key) });
  if (groupBy === "ratingCategory") return changeSearch(base, { ratingCategory: String(group.key) });
  return changeSearch(base, { suburb: group.label ?? String(group.key) });
}

export function suburbPagePath(suburbId: string, roll: RollId, defaultRoll: RollId): string {
  return `/suburbs/${encodeURIComponent(suburbId)}${roll === defaultRoll ? "" : `?roll=${roll}`}`;
}

export function statsRows(
  groupBy: StatsGroup,
  groups: StatsGroupRow[],
  context: { roll: RollId; defaultRoll: RollId; suburbName?: string; linkSuburbPages?: boolean; words?: GroupWords },
): StatsTableRow[] {
  const base = { ...initialSearchState(context.roll), suburb: context.suburbName ?? "" };
  return groups.map((group) => {
    const search = groupSearch(groupBy, group, base);
    const href =
      groupBy === "suburb" && context.linkSuburbPages && group.key !== null
        ? suburbPagePath(String(group.key), context.roll, context.defaultRoll)
        : search
          ? searchHref(search, context.defaultRoll)
          : searchHref(base, context.defaultRoll);
    return {
      key: String(group.key ?? "none"),
      label: groupLabel(groupBy, group, context.words),
      href,
      count: group.count,
      valued: group.valued,
      min: group.min,
      q1: group.q1,
      median: group.median,
      q3: group.q3,
      max: group.max,
    };
  });
}

/** The `limit` largest groups (by number of properties) that have values, for a chart that stays readable. */
export function chartRows(rows: StatsTableRow[], limit: number): QuartileRow[] {
  return rows
    .filter((row) => row.median !== null)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, limit)
    .sort((a, b) => (a.median ?? 0) - (b.median ?? 0));
}
