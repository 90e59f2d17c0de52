import type { RecordLayout, RecordOrigin } from "./derive-property";
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
  origins: Uint8Array;
  sources: Int32Array;
  parts: Uint16Array;
  /** Record indices per (title, suburb), ordered by rate number. */
  buckets: Map<number, Uint32Array>;
  indexByCounter: Int32Array;
}

export function bucketKey(title: TitleType, suburbIndex: number): number {
  return (title === "sectional" ? 1 : 0) * 65536 + suburbIndex;
}

/** Growable columns of record layouts: filled while the rolls are generated, then built into a table. */
export class RecordColumns {
  length = 0;
  private capacity: number;
  counters: Uint32Array;
  suburbs: Uint16Array;
  schemes: Int32Array;
  sections: Uint16Array;
  rates: Int32Array;
  origins: Uint8Array;
  sources: Int32Array;
  parts: Uint16Array;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.counters = new Uint32Array(this.capacity);
    this.suburbs = new Uint16Array(this.capacity);
    this.schemes = new Int32Array(this.capacity);
    this.sections = new Uint16Array(this.capacity);
    this.rates = new Int32Array(this.capacity);
    this.origins = new Uint8Array(this.capacity);
    this.sources = new Int32Array(this.capacity);
    this.parts = new Uint16Array(this.capacity);
  }

  add(layout: RecordLayout): void {
    if (this.length === this.capacity) this.grow();
    this.set(this.length++, layout);
  }

  set(index: number, layout: RecordLayout): void {
    this.counters[index] = layout.counter;
    this.suburbs[index] = layout.suburbIndex;
    this.schemes[index] = layout.schemeIndex;
    this.sections[index] = layout.section;
    this.rates[index] = layout.rate;
    this.origins[index] = layout.origin;
    this.sources[index] = layout.source;
    this.parts[index] = layout.part;
  }

  at(index: number): RecordLayout {
    return layoutAt(this, index);
  }

  private grow(): void {
    this.capacity *= 2;
    const bigger = <T extends Uint32Array | Uint16Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.counters = bigger(this.counters, (n) => new Uint32Array(n));
    this.suburbs = bigger(this.suburbs, (n) => new Uint16Array(n));
    this.schemes = bigger(this.schemes, (n) => new Int32Array(n));
    this.sections = bigger(this.sections, (n) => new Uint16Array(n));
    this.rates = bigger(this.rates, (n) => new Int32Array(n));
    this.origins = bigger(this.origins, (n) => new Uint8Array(n));
    this.sources = bigger(this.sources, (n) => new Int32Array(n));
    this.parts = bigger(this.parts, (n) => new Uint16Array(n));
  }

  /** The finished table: columns trimmed to length, indexed by counter and bucketed. */
  build(): RecordTable {
    const length = this.length;
    const table: RecordTable = {
      length,
      counters: this.counters.slice(0, length),
      suburbs: this.suburbs.slice(0, length),
      schemes: this.schemes.slice(0, length),
      sections: this.sections.slice(0, length),
      rates: this.rates.slice(0, length),
      origins: this.origins.slice(0, length),
      sources: this.sources.slice(0, length),
      parts: this.parts.slice(0, length),
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

type LayoutColumns = Pick<RecordTable, "counters" | "suburbs" | "schemes" | "sections" | "rates" | "origins" | "sources" | "parts">;

export function layoutAt(table: LayoutColumns, index: number): RecordLayout {
  return {
    counter: table.counters[index] ?? 0,
    suburbIndex: table.suburbs[index] ?? 0,
    schemeIndex: table.schemes[index] ?? -1,
    section: table.sections[index] ?? 0,
    rate: table.rates[index] ?? -1,
    origin: (table.origins[index] ?? 0) as RecordOrigin,
    source: table.sources[index] ?? -1,
    part: table.parts[index] ?? 0,
  };
}
