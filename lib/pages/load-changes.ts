import type { Database } from "@/lib/db/client";
import { changeStats, type ChangeGroup, type ChangeSummary } from "@/lib/roll-changes/change-stats";
import { rollComparison, type PairBasis } from "@/lib/roll-changes/compared-pairs";
import { linkSets, rollsHeld, type LinkSetSummary } from "@/lib/roll-links/roll-links-store";
import type { RollId } from "@/lib/rolls/roll-id";
import { olderFirst, type OrderedRoll } from "@/lib/rolls/roll-order";
import { unlinkedPage, type UnlinkedProperty } from "@/lib/roll-links/unlinked";

// The figures of the changes page, from the API's own functions (the ones behind
// /api/stats?compare= and /api/rolls/{roll}/unlinked), so the page and the API agree.

export const UNLINKED_SHOWN = 20;

export type ChangesPageData = {
  basis: PairBasis;
  all: ChangeSummary;
  bySuburb: ChangeGroup[];
  byUse: ChangeGroup[];
  linkSet: LinkSetSummary | null;
  added: UnlinkedProperty[];
  gone: UnlinkedProperty[];
  held: RollId[];
};

export async function loadChanges(db: Database, rolls: readonly OrderedRoll[], roll: RollId, against: RollId): Promise<ChangesPageData> {
  const comparison = await rollComparison(db.pool, rolls, roll, against);
  const filters = { roll, includeRemoved: false };
  const options = { ownerSearch: false };
  const [older, newer] = olderFirst(rolls, roll, against);
  const [all, bySuburb, byUse, sets, held] = await Promise.all([
    changeStats(db.pool, filters, against, comparison, "all", options),
    changeStats(db.pool, filters, against, comparison, "suburb", options),
    changeStats(db.pool, filters, against, comparison, "useCode", options),
    linkSets(db.pool),
    rollsHeld(db.pool),
  ]);
  const linkSet = sets.find((set) => set.fromRoll === older && set.toRoll === newer) ?? null;
  const page = { limit: UNLINKED_SHOWN, afterId: null };
  const [added, gone] = linkSet
    ? await Promise.all([
        unlinkedPage(db.pool, { ...page, roll: newer, against: older, status: "new" }),
        unlinkedPage(db.pool, { ...page, roll: older, against: newer, status: "gone" }),
      ])
    : [{ data: [] }, { data: [] }];
  return { basis: comparison.basis, all: all[0]!.change, bySuburb, byUse, linkSet, added: added.data, gone: gone.data, held };
}
