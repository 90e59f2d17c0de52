import type { RecordLayout } from "./derive-property";
import type { TitleType } from "./sim-types";

/** Compact storage of a roll's property layouts (a few bytes per property, for 1M+ rows). */
export interface RecordTable {
  length: number;
  counters: Uint32Array;
  suburbs: Uint16Array;
  schemes: Int32Array;
  sections: Uint16Array;
  /** Rate number as an integer, -1 when empty: for sorting and substring pre-filtering. */
  rates: Int32Array;
  /** Record indices per (title, suburb), ordered by rate number. */
  buckets: Map<number, Uint32Array>;
  indexByCounter: Int32Array;
}

export function bucketKey(title: TitleType, suburbIndex: number): number {
  return (title === "sectional" ? 1 : 0) * 65536 + suburbIndex;
}

/** A growable column builder for record layouts. */
export class RecordTableBuilder {
  private counters: number[] = [];
  private suburbs: number[] = [];
  private schemes: number[] = [];
  private sections: number[] = [];
  private rates: number[] = [];

  /** `rate` is the rate number as an integer, -1 when empty. */
  add(layout: RecordLayout, rate: number): void {
    this.counters.push(layout.counter);
    this.suburbs.push(layout.suburbIndex);
    this.schemes.push(layout.schemeIndex);
    this.sections.push(layout.section);
    this.rates.push(rate);
  }

  build(): RecordTable {
    const length = this.counters.length;
    const table: RecordTable = {
      length,
      counters: Uint32Array.from(this.counters),
      suburbs: Uint16Array.from(this.suburbs),
      schemes: Int32Array.from(this.schemes),
      sections: Uint16Array.from(this.sections),
      rates: Int32Array.from(this.rates),
      buckets: new Map(),
      indexByCounter: new Int32Array(0),
    };
    let maxCounter = 0;
    for (let i = 0; i < length; i++) maxCounter = Math.max(maxCounter, table.counters[i] ?? 0);
    table.indexByCounter = new Int32Array(length === 0 ? 0 : maxCounter + 1).fill(-1);
    for (let i = 0; i < length; i++) table.indexByCounter[table.counters[i] ?? 0] = i;
    table.buckets = buildBuckets(table);
    return table;
  }
}

const INDEX_SPACE = 2 ** 23; // record indices below 8M; rate+1 below 2^27: the product stays exact

function buildBuckets(table: RecordTable): Map<number, Uint32Array> {
  // Dense counting by bucket key (title × suburb index), then one numeric sort per bucket.
  const keys = new Int32Array(table.length);
  const sizes = new Int32Array(2 * 65536);
  for (let i = 0; i < table.length; i++) {
    const key = bucketKey((table.schemes[i] ?? -1) >= 0 ? "sectional" : "full", table.suburbs[i] ?? 0);
    keys[i] = key;
    sizes[key] = (sizes[key] ?? 0) + 1;
  }
  const sortKeys = new Map<number, Float64Array>();
  sizes.forEach((size, key) => {
    if (size > 0) sortKeys.set(key, new Float64Array(size));
  });
  const fill = new Int32Array(2 * 65536);
  for (let i = 0; i < table.length; i++) {
    const key = keys[i] ?? 0;
    const arr = sortKeys.get(key);
    if (arr) arr[fill[key] ?? 0] = ((table.rates[i] ?? -1) + 1) * INDEX_SPACE + i;
    fill[key] = (fill[key] ?? 0) + 1;
  }
  const buckets = new Map<number, Uint32Array>();
  for (const [key, arr] of sortKeys) {
    arr.sort();
    buckets.set(key, Uint32Array.from(arr, (v) => v % INDEX_SPACE));
  }
  return buckets;
}

export function layoutAt(table: RecordTable, index: number): RecordLayout {
  return {
    counter: table.counters[index] ?? 0,
    suburbIndex: table.suburbs[index] ?? 0,
    schemeIndex: table.schemes[index] ?? -1,
    section: table.sections[index] ?? 0,
  };
}
