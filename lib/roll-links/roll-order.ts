import { z } from "zod";

// Roll ids ("gv2012", "gv2026") as plain validated strings, so that a roll the registry adds is
// linked and compared without a code change. The order of rolls is the year in the id: the one
// place to switch to the registry's own order when it has one.

export const ROLL_ID_PATTERN = /^gv\d{4}$/;

export const rollIdSchema = z.string().regex(ROLL_ID_PATTERN, 'must be a roll id such as "gv2022"');

export type RollId = z.infer<typeof rollIdSchema>;

/** The roll's valuation year: gv2026 → 2026. */
export function rollYearOf(roll: RollId): number {
  return Number(roll.slice(2));
}

/** Oldest first. */
export function compareRolls(a: RollId, b: RollId): number {
  return rollYearOf(a) - rollYearOf(b);
}

/** "GV 2026", as the site and the rest of the app write it. */
export function rollLabelOf(roll: RollId): string {
  return `GV ${rollYearOf(roll)}`;
}
