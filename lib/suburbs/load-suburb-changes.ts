import type { Database } from "@/lib/db/client";
import { changeStats, type ChangeSummary } from "@/lib/roll-changes/change-stats";
import { pairLinked } from "@/lib/roll-changes/compared-pairs";
import { rollsHeld } from "@/lib/roll-links/roll-links-store";
import { rollIdSchema, type RollId } from "@/lib/roll-links/roll-order";

// A suburb page's comparison with another roll (`?against=gv2017`), from the function behind
// /api/stats?compare=, so the page shows the API's numbers.

export type SuburbChanges = { against: RollId | null; change: ChangeSummary | null; others: RollId[] };

/** The `against` query parameter: another roll id, or null. */
export function readAgainst(query: Record<string, string | string[] | undefined>, roll: string): RollId | null {
  const value = Array.isArray(query.against) ? query.against[0] : query.against;
  const parsed = rollIdSchema.safeParse(value);
  return parsed.success && parsed.data !== roll ? parsed.data : null;
}

export async function loadSuburbChanges(db: Database, roll: RollId, suburbId: string, against: RollId | null): Promise<SuburbChanges> {
  const others = (await rollsHeld(db.pool)).filter((other) => other !== roll);
  if (against === null) return { against, change: null, others };
  const basis = (await pairLinked(db.pool, roll, against)) ? "links" : "rate-number";
  const [summary] = await changeStats(db.pool, { roll, suburb: suburbId, includeRemoved: false }, against, basis, "all", { ownerSearch: false });
  return { against, change: summary?.change ?? null, others };
}
