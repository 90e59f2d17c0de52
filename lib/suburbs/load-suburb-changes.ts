import type { Database } from "@/lib/db/client";
import { changeStats, type ChangeSummary } from "@/lib/roll-changes/change-stats";
import { rollComparison } from "@/lib/roll-changes/compared-pairs";
import { rollsHeld } from "@/lib/roll-links/roll-links-store";
import type { RollId } from "@/lib/rolls/roll-id";
import type { RollRegistry } from "@/lib/rolls/roll-registry";

// A suburb page's comparison with another roll (`?against=gv2017`), from the function behind
// /api/stats?compare=, so the page shows the API's numbers.

export type SuburbChanges = { against: RollId | null; change: ChangeSummary | null; others: RollId[] };

/** The `against` query parameter: another registered roll, or null. */
export function readAgainst(query: Record<string, string | string[] | undefined>, roll: string, registry: Pick<RollRegistry, "ids">): RollId | null {
  const value = Array.isArray(query.against) ? query.against[0] : query.against;
  return value !== undefined && value !== roll && registry.ids.includes(value) ? value : null;
}

export async function loadSuburbChanges(db: Database, registry: Pick<RollRegistry, "rolls">, roll: RollId, suburbId: string, against: RollId | null): Promise<SuburbChanges> {
  const others = (await rollsHeld(db.pool)).filter((other) => other !== roll);
  if (against === null) return { against, change: null, others };
  const comparison = await rollComparison(db.pool, registry.rolls, roll, against);
  const [summary] = await changeStats(db.pool, { roll, suburb: suburbId, includeRemoved: false }, against, comparison, "all", { ownerSearch: false });
  return { against, change: summary?.change ?? null, others };
}
