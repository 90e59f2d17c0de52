import type { RollId } from "@/lib/rolls/roll-id";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import type { Database } from "@/lib/db/client";
import { loadComparables, type ComparablesWording } from "@/lib/comparables/load-comparables";
import type { Comparables } from "@/lib/comparables/comparables-schema";
import { listObjectionFacts, objectionPeriodState, type ObjectionFact } from "./objection-facts";

// What the property page's objection helper and its printable summary show: the comparables (as
// the API gives them, with their wording as messages for the page's language), the roll's
// objection facts, and whether the period is open today.

export type ObjectionHelper = {
  comparables: Comparables | null;
  /** Where the property stands, as messages of the "objection" catalogue; null with `comparables`. */
  wording: ComparablesWording | null;
  facts: ObjectionFact[];
  periodState: ReturnType<typeof objectionPeriodState>;
};

/** Today's date in South Africa (UTC+2 all year), as YYYY-MM-DD. */
export function todayInSouthAfrica(now: Date = new Date()): string {
  return new Date(now.getTime() + 2 * 3_600_000).toISOString().slice(0, 10);
}

export async function loadObjectionHelper(db: Database, property: { roll: RollId; rateNumber: string; titleType: "full" | "sectional" }): Promise<ObjectionHelper> {
  const registry = await rollRegistry(db);
  const [comparables, facts] = await Promise.all([
    loadComparables(db.pool, registry, { roll: property.roll, rateNumber: property.rateNumber, title: property.titleType }),
    listObjectionFacts(db, property.roll),
  ]);
  return {
    comparables: comparables.kind === "found" ? comparables.data : null,
    wording: comparables.kind === "found" ? comparables.wording : null,
    facts,
    periodState: objectionPeriodState(facts, todayInSouthAfrica()),
  };
}
