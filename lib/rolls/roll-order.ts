import type { RollId } from "./roll-id";
import type { RegisteredRoll } from "./roll-registry";

// The order of rolls, from the registry alone (never from the text of an id), so a roll added in
// /admin is ordered, linked and compared with no code change: by the date each takes effect, then
// by id when two take effect on the same day.
//
// Linking and "the roll before" follow the GENERAL rolls only: a supplementary roll amends the
// general roll in force, it is not the next general roll. So a complete scrape of a general roll
// links it to every other general roll held, and a property's change on the property page is from
// the previous general roll it is on. A supplementary roll is linked only when asked for
// (npm run link-rolls), and any two registered rolls may still be compared (compare=, against=).

/** What ordering needs of a roll: the registry's RegisteredRoll has it. */
export type OrderedRoll = Pick<RegisteredRoll, "id" | "effectiveFrom" | "kind">;

// Code-point order, as SQL's COLLATE "C" (rollsHeld orders the same way in the database).
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first: by the date each takes effect (YYYY-MM-DD), then by id. */
export function compareRollOrder(a: Pick<OrderedRoll, "id" | "effectiveFrom">, b: Pick<OrderedRoll, "id" | "effectiveFrom">): number {
  return byText(a.effectiveFrom, b.effectiveFrom) || byText(a.id, b.id);
}

/** A comparator of roll ids, oldest first by the registry; a roll it does not know sorts after those it does, by id. */
export function rollIdOrder(rolls: readonly Pick<OrderedRoll, "id" | "effectiveFrom">[]): (a: RollId, b: RollId) => number {
  const known = new Map(rolls.map((roll) => [roll.id, roll]));
  return (a, b) => {
    const [first, second] = [known.get(a), known.get(b)];
    if (first && second) return compareRollOrder(first, second);
    if (first || second) return first ? -1 : 1;
    return byText(a, b);
  };
}

/** The two rolls, the older first. */
export function olderFirst(rolls: readonly Pick<OrderedRoll, "id" | "effectiveFrom">[], a: RollId, b: RollId): [RollId, RollId] {
  return rollIdOrder(rolls)(a, b) <= 0 ? [a, b] : [b, a];
}

/** Whether the registry has `id` as a general roll. */
export function isGeneralRoll(rolls: readonly Pick<OrderedRoll, "id" | "kind">[], id: RollId): boolean {
  return rolls.some((roll) => roll.id === id && roll.kind === "general");
}
