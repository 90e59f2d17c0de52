import { config } from "@/lib/config";
import type { RollId } from "@/lib/rolls/roll-id";
import type { Database } from "@/lib/db/client";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { ENGLISH_SEARCH_WORDS } from "@/lib/search-state/search-words";
import type { DataVersion } from "@/lib/valuations/data-version";
import { memoPerDataVersion } from "@/lib/valuations/memo-per-data-version";
import { listSuburbs } from "@/lib/valuations/suburbs";
import { valuationStats } from "@/lib/valuations/valuation-stats";

// The choices of the search filters: suburbs, use codes and rating categories present on a roll.
// They change only when a scrape finishes, so they are kept per data version in this process.

export type FilterOptions = {
  suburbs: { id: string; name: string; count: number }[];
  /** `label`: the roll's description of the use code, null when it has none (the page names the code). */
  useCodes: { code: number; label: string | null; count: number }[];
  ratingCategories: { name: string; count: number }[];
};

const englishLabel = (option: { code: number; label: string | null }) => option.label ?? ENGLISH_SEARCH_WORDS("form.useCode", { code: String(option.code) });

// One entry per roll; the bound only matters if rolls were many.
const filterOptions = memoPerDataVersion<FilterOptions>(16);

async function readFilterOptions(db: Database, roll: RollId): Promise<FilterOptions> {
  const filters = { roll, includeRemoved: false };
  const search = { ownerSearch: ownerPolicy(config.OWNER_NAMES).search };
  const [suburbs, useCodes, categories] = await Promise.all([
    listSuburbs(db.pool, roll),
    valuationStats(db.pool, filters, "useCode", search),
    valuationStats(db.pool, filters, "ratingCategory", search),
  ]);
  return {
    suburbs: suburbs.map((suburb) => ({ id: suburb.id, name: suburb.name, count: suburb.counts.total })),
    useCodes: useCodes
      .filter((group) => typeof group.key === "number")
      .map((group) => ({ code: group.key as number, label: group.label ?? null, count: group.count }))
      // In the order of their English labels, an unnamed code as "Use code 12".
      .sort((a, b) => englishLabel(a).localeCompare(englishLabel(b)) || a.code - b.code),
    ratingCategories: categories
      .filter((group) => typeof group.key === "string" && group.key !== "")
      .map((group) => ({ name: group.key as string, count: group.count })),
  };
}

export async function loadFilterOptions(db: Database, roll: RollId, version: DataVersion): Promise<FilterOptions> {
  return filterOptions(version.tag, roll, () => readFilterOptions(db, roll));
}
