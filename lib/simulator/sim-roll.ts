import type { SiteCatalog } from "./build-catalog";
import { counterOfPin, type RecordLayout } from "./derive-property";
import { compareByRateNumber, matchesCriteria } from "./match-criteria";
import { bucketKey, layoutAt, type RecordTable } from "./record-table";
import { propertyOnRoll } from "./roll-drift";
import type { RollId, SearchCriteria, SimProperty, SimScheme, TitleType } from "./sim-types";

/** What one generation changed on top of the base table. */
export interface RollChanges {
  extras: readonly RecordLayout[];
  removed: ReadonlySet<number>;
  overrides: ReadonlyMap<number, SimProperty>;
}

const NO_CHANGES: RollChanges = { extras: [], removed: new Set(), overrides: new Map() };

/** Each base record's volume as a small code, built on the first volume query and shared by every generation. */
interface VolumeIndex {
  codeByVolume: Map<string, number>;
  codes: Uint16Array;
}

/** Indexes built on first use from the base table, and shared by every generation of the roll. */
interface BaseIndexes {
  volumes?: VolumeIndex;
  schemes?: readonly SimScheme[];
}

/**
 * One valuation roll: a compact base table plus the changes of later generations.
 * Properties are derived on demand, so a million-row roll costs a few megabytes.
 */
export class SimRoll {
  private readonly extraIndexByCounter: Map<number, number>;
  private readonly schemeIndexByName: Map<string, number>;

  constructor(
    readonly id: RollId,
    private readonly catalog: SiteCatalog,
    private readonly schemes: readonly SimScheme[],
    private readonly table: RecordTable,
    readonly changes: RollChanges = NO_CHANGES,
    private readonly baseIndexes: BaseIndexes = {},
  ) {
    this.extraIndexByCounter = new Map(changes.extras.map((l, i) => [l.counter, i]));
    this.schemeIndexByName = new Map(schemes.map((s, i) => [s.name, i]));
  }

  /** Number of properties on the roll. */
  get size(): number {
    return this.table.length + this.changes.extras.length - this.changes.removed.size;
  }

  /** A new roll with other changes on the same base. */
  withChanges(changes: RollChanges): SimRoll {
    return new SimRoll(this.id, this.catalog, this.schemes, this.table, changes, this.baseIndexes);
  }

  layoutOf(counter: number): RecordLayout | undefined {
    const extra = this.extraIndexByCounter.get(counter);
    if (extra !== undefined) return this.changes.extras[extra];
    const index = counter < this.table.indexByCounter.length ? (this.table.indexByCounter[counter] ?? -1) : -1;
    return index >= 0 ? layoutAt(this.table, index) : undefined;
  }

  /** The property with this identity, if it is on the roll now. */
  byCounter(counter: number): SimProperty | undefined {
    if (this.changes.removed.has(counter)) return undefined;
    const override = this.changes.overrides.get(counter);
    if (override) return override;
    const layout = this.layoutOf(counter);
    return layout ? propertyOnRoll(this.catalog, this.schemes, this.id, layout) : undefined;
  }

  /** Whether the property with this identity is on the roll now. */
  has(counter: number): boolean {
    return !this.changes.removed.has(counter) && this.layoutOf(counter) !== undefined;
  }

  /** The layout of every property on the roll now, in no particular order (cheap: nothing is derived). */
  *layouts(): Generator<RecordLayout> {
    const removed = this.changes.removed;
    for (let i = 0; i < this.table.length; i++) {
      if (removed.size === 0 || !removed.has(this.table.counters[i] ?? 0)) yield layoutAt(this.table, i);
    }
    for (const layout of this.changes.extras) if (!removed.has(layout.counter)) yield layout;
  }

  /** The schemes with units on the roll (its base table), by name: the criteria page's dropdown. */
  schemesListed(): readonly SimScheme[] {
    if (this.baseIndexes.schemes) return this.baseIndexes.schemes;
    const present = new Uint8Array(this.schemes.length);
    for (const index of this.table.schemes) if (index >= 0) present[index] = 1;
    this.baseIndexes.schemes = this.schemes.filter((_, i) => present[i] === 1).sort((a, b) => a.name.localeCompare(b.name, "en"));
    return this.baseIndexes.schemes;
  }

  byPin(pin: string): SimProperty | undefined {
    const counter = counterOfPin(this.id, pin);
    return counter === null ? undefined : this.byCounter(counter);
  }

  /** Every property, by title, suburb (dropdown order) and rate number. */
  *properties(): Generator<SimProperty> {
    for (const title of ["full", "sectional"] as const) {
      for (let s = 0; s < this.catalog.suburbs.length; s++) yield* this.bucket(title, s);
    }
  }

  /** The properties of one (title, suburb), by rate number. */
  bucket(title: TitleType, suburbIndex: number): SimProperty[] {
    const out: SimProperty[] = [];
    for (const index of this.table.buckets.get(bucketKey(title, suburbIndex)) ?? []) {
      const p = this.byCounter(this.table.counters[index] ?? 0);
      if (p) out.push(p);
    }
    let extra = false;
    for (const layout of this.changes.extras) {
      if (layout.suburbIndex !== suburbIndex || (layout.schemeIndex >= 0) !== (title === "sectional")) continue;
      const p = this.byCounter(layout.counter);
      if (p) {
        out.push(p);
        extra = true;
      }
    }
    return extra ? out.sort(compareByRateNumber) : out;
  }

  /** The SearchResult.aspx query: matching properties in the site's order. */
  search(criteria: SearchCriteria): SimProperty[] {
    const title = criteria.roll;
    let suburbIndices: number[];
    if (criteria.suburb !== "") {
      const index = this.catalog.suburbIndexById.get(Number(criteria.suburb));
      if (index === undefined) return [];
      suburbIndices = [index];
    } else {
      suburbIndices = this.catalog.suburbs.map((_, i) => i);
    }
    let schemeIndex = -2;
    if (criteria.schemeName !== "") {
      schemeIndex = this.schemeIndexByName.get(criteria.schemeName) ?? -3;
      if (schemeIndex === -3) return [];
    }
    const rateFilter = criteria.rateNumber.trim();
    // A volume filter skips base records of other volumes without deriving them (the real site's
    // database has an index; a whole-roll scan per volume made the cross-check minutes long at 1M).
    // An overridden record is always derived, as its override decides.
    let volumeCodes: Uint16Array | null = null;
    let volumeCode = 0;
    if (criteria.volumeNo !== "") {
      const index = this.baseVolumes();
      volumeCodes = index.codes;
      volumeCode = index.codeByVolume.get(criteria.volumeNo.trim()) ?? 0;
    }
    const overrides = this.changes.overrides;
    const out: SimProperty[] = [];
    for (const s of suburbIndices) {
      for (const index of this.table.buckets.get(bucketKey(title, s)) ?? []) {
        if (volumeCodes && volumeCodes[index] !== volumeCode && !(overrides.size > 0 && overrides.has(this.table.counters[index] ?? 0))) continue;
        if (schemeIndex >= 0 && this.table.schemes[index] !== schemeIndex) continue;
        if (rateFilter !== "") {
          const rate = this.table.rates[index] ?? -1;
          if (rate < 0 || !String(rate).padStart(8, "0").includes(rateFilter)) continue;
        }
        const p = this.byCounter(this.table.counters[index] ?? 0);
        if (p && matchesCriteria(p, criteria)) out.push(p);
      }
    }
    for (const layout of this.changes.extras) {
      const p = this.byCounter(layout.counter);
      if (p && matchesCriteria(p, criteria)) out.push(p);
    }
    return out.sort(compareByRateNumber);
  }

  /** Volume codes of the base records as derived (code 0: no volume has that code). */
  private baseVolumes(): VolumeIndex {
    if (this.baseIndexes.volumes) return this.baseIndexes.volumes;
    const codeByVolume = new Map<string, number>();
    const codes = new Uint16Array(this.table.length);
    for (let i = 0; i < this.table.length; i++) {
      const volume = propertyOnRoll(this.catalog, this.schemes, this.id, layoutAt(this.table, i)).volumeNo;
      let code = codeByVolume.get(volume);
      if (code === undefined) {
        code = codeByVolume.size + 1;
        codeByVolume.set(volume, code);
      }
      codes[i] = code;
    }
    this.baseIndexes.volumes = { codeByVolume, codes };
    return this.baseIndexes.volumes;
  }

  /** Counters whose properties may differ from the base table (for diffs between generations). */
  touchedCounters(): Set<number> {
    return new Set([
      ...this.changes.extras.map((l) => l.counter),
      ...this.changes.removed,
      ...this.changes.overrides.keys(),
    ]);
  }

  /** A random alive base or extra counter, for mutations: `u` in [0, 1). */
  counterAt(u: number): number {
    const total = this.table.length + this.changes.extras.length;
    const i = Math.floor(u * total);
    return i < this.table.length ? (this.table.counters[i] ?? 0) : (this.changes.extras[i - this.table.length]?.counter ?? 0);
  }
}
