import type { SimRoll } from "./sim-roll";
import type { TitleType } from "./sim-types";

/** The biggest answer of each way to partition a roll: what a test's cap and banner threshold must clear. */
export interface PartitionSizes {
  /** The most properties one (title, suburb) holds. */
  suburb: number;
  /** The most one (title, suburb, volume) holds: the suburb × volume split. */
  suburbVolume: number;
  /** The most one (title, volume) holds: the whole-roll split by volume. */
  volume: number;
}

/** Sizes of the partitions of a roll, for one title or both. */
export function partitionSizes(roll: SimRoll, title?: TitleType): PartitionSizes {
  const counts = { suburb: new Map<string, number>(), suburbVolume: new Map<string, number>(), volume: new Map<string, number>() };
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const p of roll.properties()) {
    if (title !== undefined && p.titleType !== title) continue;
    add(counts.suburb, `${p.titleType}:${p.suburbId}`);
    add(counts.suburbVolume, `${p.titleType}:${p.suburbId}:${p.volumeNo}`);
    add(counts.volume, `${p.titleType}:${p.volumeNo}`);
  }
  const max = (map: Map<string, number>) => Math.max(0, ...map.values());
  return { suburb: max(counts.suburb), suburbVolume: max(counts.suburbVolume), volume: max(counts.volume) };
}
