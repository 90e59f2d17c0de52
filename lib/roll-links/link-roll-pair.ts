import type { Pool } from "pg";
import type { Logger } from "@/lib/log";
import { linkRolls } from "./link-rolls";
import { loadRollRows, rollsHeld, saveLinking, type LinkSetSummary } from "./roll-links-store";
import { compareRolls, type RollId } from "./roll-order";

export class RollPairError extends Error {}

/** Links the properties of `fromRoll` (the older) to those of `toRoll` and stores the links. */
export async function linkRollPair(pool: Pool, fromRoll: RollId, toRoll: RollId): Promise<LinkSetSummary> {
  if (compareRolls(fromRoll, toRoll) >= 0) throw new RollPairError(`--from must be an older roll than --to (got ${fromRoll} and ${toRoll})`);
  const [fromRows, toRows] = await Promise.all([loadRollRows(pool, fromRoll), loadRollRows(pool, toRoll)]);
  if (fromRows.length === 0) throw new RollPairError(`no properties of ${fromRoll} are stored: scrape it first`);
  if (toRows.length === 0) throw new RollPairError(`no properties of ${toRoll} are stored: scrape it first`);
  return saveLinking(pool, fromRoll, toRoll, linkRolls(fromRows, toRows));
}

/**
 * The pairs a new scrape of `roll` changes: the roll with every other roll held, older first. Every
 * pair is linked directly (not through the rolls between), so any two rolls can be compared.
 */
export function pairsWith(roll: RollId, held: readonly RollId[]): [RollId, RollId][] {
  return held
    .filter((other) => other !== roll)
    .map((other): [RollId, RollId] => (compareRolls(other, roll) < 0 ? [other, roll] : [roll, other]));
}

/**
 * After a complete whole-roll scrape: links the roll to every other roll held. A failure is
 * logged, not thrown: the scrape itself succeeded, and `npm run link-rolls` can do it again.
 */
export async function linkAfterScrape(pool: Pool, roll: RollId, log: Logger): Promise<LinkSetSummary[]> {
  const done: LinkSetSummary[] = [];
  try {
    for (const [fromRoll, toRoll] of pairsWith(roll, await rollsHeld(pool))) {
      const summary = await linkRollPair(pool, fromRoll, toRoll);
      log.info("linked rolls", { fromRoll, toRoll, links: summary.links, gone: summary.gone, added: summary.added });
      done.push(summary);
    }
  } catch (error) {
    log.warn("linking the rolls failed; run npm run link-rolls to try again", { roll, error: (error as Error).message });
  }
  return done;
}
