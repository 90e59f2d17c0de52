import { mixSeed } from "./random";
import type { RollId, TitleType } from "./sim-types";

/** Whether a suburb is one of the share that answers "No Match" for a while (chosen from the seed). */
export function isTransientNoMatchSuburb(seed: number, suburbId: number, share: number): boolean {
  if (share <= 0) return false;
  return (mixSeed(seed, suburbId, 0x0a7c) % 1_000_000) / 1_000_000 < share;
}

/**
 * Counts how often each populated suburb was asked for: the live site has answered "No Match"
 * for a suburb with rows while its database was in trouble, so a scraper must look again.
 */
export class TransientNoMatch {
  private readonly asked = new Map<string, number>();

  /** True when this ask (counted per roll, title and suburb, whatever else the query says) gets "No Match". */
  take(roll: RollId, title: TitleType, suburbId: number, times: number): boolean {
    const key = `${roll}:${title}:${suburbId}`;
    const count = (this.asked.get(key) ?? 0) + 1;
    this.asked.set(key, count);
    return count <= times;
  }

  reset(): void {
    this.asked.clear();
  }
}
