import type { Pool } from "pg";
import type { Logger } from "@/lib/log";
import type { RollId } from "@/lib/rolls/roll-id";
import { isGeneralRoll, olderFirst, rollIdOrder, type OrderedRoll } from "@/lib/rolls/roll-order";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { linkRolls } from "./link-rolls";
import { loadRollRows, rollsHeld, saveLinking, type LinkSetSummary } from "./roll-links-store";

export class RollPairError extends Error {}

/**
 * Links the properties of `fromRoll` (the older, by the registry's order) to those of `toRoll` and
 * stores the links. Any two registered rolls may be linked this way, a supplementary one too.
 */
export async function linkRollPair(pool: Pool, fromRoll: RollId, toRoll: RollId): Promise<LinkSetSummary> {
  const registry = await rollRegistry({ pool });
  for (const [flag, roll] of [["--from", fromRoll], ["--to", toRoll]] as const) {
    if (!registry.ids.includes(roll)) throw new RollPairError(`${flag} must be one of ${registry.ids.join(", ")} (the roll registry; add a roll in /admin), not ${roll}`);
  }
  if (fromRoll === toRoll || olderFirst(registry.rolls, fromRoll, toRoll)[0] !== fromRoll) {
    throw new RollPairError(`--from must be an older roll than --to (got ${fromRoll} and ${toRoll})`);
  }
  const [fromRows, toRows] = await Promise.all([loadRollRows(pool, fromRoll), loadRollRows(pool, toRoll)]);
  if (fromRows.length === 0) throw new RollPairError(`no properties of ${fromRoll} are stored: scrape it first`);
  if (toRows.length === 0) throw new RollPairError(`no properties of ${toRoll} are stored: scrape it first`);
  return saveLinking(pool, fromRoll, toRoll, linkRolls(fromRows, toRows));
}

/**
 * The pairs a new scrape of `roll` changes, older first: a general roll with every other general
 * roll held, each pair directly (not through the rolls between), so any two general rolls compare
 * by their links. A supplementary roll amends a general one and is not linked as if it were the
 * next general roll: none (npm run link-rolls links it when wanted). See lib/rolls/roll-order.ts.
 */
export function pairsWith(roll: RollId, held: readonly RollId[], rolls: readonly OrderedRoll[]): [RollId, RollId][] {
  if (!isGeneralRoll(rolls, roll)) return [];
  return held
    .filter((other) => other !== roll && isGeneralRoll(rolls, other))
    .sort(rollIdOrder(rolls))
    .map((other) => olderFirst(rolls, other, roll));
}

/**
 * After a complete whole-roll scrape: links the roll to every other general roll held. A failure
 * is logged, not thrown: the scrape itself succeeded, and `npm run link-rolls` can do it again.
 */
export async function linkAfterScrape(pool: Pool, roll: RollId, log: Logger): Promise<LinkSetSummary[]> {
  const done: LinkSetSummary[] = [];
  try {
    const [held, registry] = await Promise.all([rollsHeld(pool), rollRegistry({ pool })]);
    for (const [fromRoll, toRoll] of pairsWith(roll, held, registry.rolls)) {
      const summary = await linkRollPair(pool, fromRoll, toRoll);
      log.info("linked rolls", { fromRoll, toRoll, links: summary.links, gone: summary.gone, added: summary.added });
      done.push(summary);
    }
  } catch (error) {
    log.warn("linking the rolls failed; run npm run link-rolls to try again", { roll, error: (error as Error).message });
  }
  return done;
}
