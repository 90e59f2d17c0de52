import type { SiteCatalog } from "./build-catalog";
import { ownersOf, plainLayout, roundValue, type RecordLayout } from "./derive-property";
import { displayedCells, RESULT_COLUMNS } from "./display-property";
import { generateSite, type GenerateOptions, type SimSite } from "./generate-site";
import { createRandom, mixSeed, type Random } from "./random";
import type { AddressLayout, SimMutation, SimProperty } from "./sim-types";

/** Per round, as shares of the roll: about 1 % changed, a few added and removed. */
const CHANGE_SHARE = 0.01;
const ADD_SHARE = 0.002;
const REMOVE_SHARE = 0.001;

/** Generation n of a site: generation 0 plus n deterministic rounds of mutations on gv2022. */
export function generateSiteAt(options: GenerateOptions & { generation?: number }): SimSite {
  return siteAtGeneration(generateSite(options), options.generation ?? 0);
}

/** Applies rounds until the site is at `generation` (which must not be below the site's). */
export function siteAtGeneration(site: SimSite, generation: number): SimSite {
  if (!Number.isInteger(generation) || generation < 0) throw new Error(`generation must be a whole number ≥ 0, got ${generation}`);
  if (generation < site.generation) throw new Error(`cannot go back from generation ${site.generation} to ${generation}`);
  let current = site;
  while (current.generation < generation) current = mutateSite(current);
  return current;
}

/** One round of mutations: the next generation of the site. */
export function mutateSite(site: SimSite): SimSite {
  const generation = site.generation + 1;
  const roll = site.rolls.gv2022;
  const random = createRandom(mixSeed(site.seed, generation, 0x3a7a7e));
  const size = roll.size;
  const overrides = new Map(roll.changes.overrides);
  const removed = new Set(roll.changes.removed);
  const extras: RecordLayout[] = roll.changes.extras.slice();
  const touched = new Set<number>();

  const pickAlive = (): { counter: number; property: SimProperty } | null => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const counter = roll.counterAt(random.next());
      if (touched.has(counter)) continue;
      const property = roll.byCounter(counter);
      // Properties without a rate number have no stable key for history: leave them alone.
      if (!property || property.rateNumber === "") continue;
      touched.add(counter);
      return { counter, property };
    }
    return null;
  };

  const changes = Math.max(1, Math.round(size * CHANGE_SHARE));
  for (let i = 0; i < changes; i++) {
    const picked = pickAlive();
    if (picked) overrides.set(picked.counter, mutateProperty(site.catalog, random, picked.property));
  }
  const removals = size > 2 ? Math.max(1, Math.round(size * REMOVE_SHARE)) : 0;
  for (let i = 0; i < removals; i++) {
    const picked = pickAlive();
    if (!picked) continue;
    removed.add(picked.counter);
    overrides.delete(picked.counter);
  }
  const additions = Math.max(1, Math.round(size * ADD_SHARE));
  let nextCounter = site.nextCounter;
  for (let i = 0; i < additions; i++) extras.push(newLayout(site, random, extras, nextCounter++));

  return {
    ...site,
    generation,
    nextCounter,
    rolls: { ...site.rolls, gv2022: roll.withChanges({ extras, removed, overrides }) },
  };
}

function newLayout(site: SimSite, random: Random, extras: readonly RecordLayout[], counter: number): RecordLayout {
  if (site.schemes.length > 0 && random.chance(0.2)) {
    const schemeIndex = random.int(0, site.schemes.length - 1);
    const scheme = site.schemes[schemeIndex];
    const added = extras.filter((l) => l.schemeIndex === schemeIndex).length;
    return plainLayout(site.seed, counter, scheme?.suburbIndex ?? 0, schemeIndex, (scheme?.sections ?? 0) + added + 1);
  }
  return plainLayout(site.seed, counter, random.int(0, site.suburbs.length - 1));
}

type ChangeKind = "marketValue" | "owner" | "useCode" | "addressLayout" | "registeredExtent";
const CHANGE_KINDS: readonly ChangeKind[] = ["marketValue", "owner", "useCode", "addressLayout", "registeredExtent"];
const CHANGE_WEIGHTS = [5, 3, 1, 1, 1];

/** A changed copy of a property: new value, owner, use code, address padding or extent. */
export function mutateProperty(catalog: SiteCatalog, random: Random, p: SimProperty): SimProperty {
  const next: SimProperty = { ...p, owners: p.owners.slice() };
  const count = random.chance(0.8) ? 1 : 2;
  for (let i = 0; i < count; i++) {
    let kind = random.weighted(CHANGE_KINDS, CHANGE_WEIGHTS);
    if (kind === "addressLayout" && p.streetName === null) kind = "marketValue";
    applyChange(catalog, random, next, kind);
  }
  return next;
}

function applyChange(catalog: SiteCatalog, random: Random, p: SimProperty, kind: ChangeKind): void {
  switch (kind) {
    case "marketValue": {
      const before = p.marketValue;
      const value = before === null ? roundValue(200_000 + random.next() * 2_000_000) : roundValue(before * (0.8 + random.next() * 0.45));
      p.marketValue = value === before ? value + 10_000 : value;
      return;
    }
    case "owner": {
      let owners = ownersOf(catalog, random, null);
      for (let i = 0; i < 10 && (owners.length === 0 || owners[0] === p.firstOwner); i++) owners = ownersOf(catalog, random, null);
      if (owners.length === 0 || owners[0] === p.firstOwner) owners = [`${p.firstOwner ?? "UNKNOWN"} (ESTATE LATE)`];
      p.owners = owners;
      p.firstOwner = owners[0] ?? null;
      return;
    }
    case "useCode": {
      const others = catalog.vocabulary.useCodes.filter((u) => u.code !== p.useCode);
      const use = random.pick(others);
      p.useCode = use.code;
      p.useDescription = use.description;
      p.ratingCategory = use.ratingCategory;
      return;
    }
    case "addressLayout": {
      const layouts: AddressLayout[] = ["plain", "padded", "double-space"];
      p.addressLayout = random.pick(layouts.filter((l) => l !== p.addressLayout));
      return;
    }
    case "registeredExtent": {
      const before = p.registeredExtent;
      const value = before === null ? 500 : Math.round(before * (0.9 + random.next() * 0.2));
      p.registeredExtent = value === before ? value + 1 : value;
      return;
    }
  }
}

/** Exactly what differs on gv2022 between two generations of the same site, by title and rate number. */
export function mutationsBetween(from: SimSite, to: SimSite): SimMutation[] {
  if (from.seed !== to.seed || from.rows !== to.rows) throw new Error("mutationsBetween needs two generations of the same site");
  const a = from.rolls.gv2022;
  const b = to.rolls.gv2022;
  const counters = new Set([...a.touchedCounters(), ...b.touchedCounters()]);
  const out: SimMutation[] = [];
  for (const counter of counters) {
    const before = a.byCounter(counter);
    const after = b.byCounter(counter);
    if (!before && after) out.push({ kind: "added", titleType: after.titleType, rateNumber: after.rateNumber, pin: after.pin });
    else if (before && !after) out.push({ kind: "removed", titleType: before.titleType, rateNumber: before.rateNumber, pin: before.pin });
    else if (before && after) {
      const fields = changedFields(before, after);
      if (fields.length === 0) continue;
      const cellsBefore = displayedCells(before);
      const cellsAfter = displayedCells(after);
      const cells = RESULT_COLUMNS.filter((_, i) => cellsBefore[i] !== cellsAfter[i]);
      out.push({ kind: "changed", titleType: after.titleType, rateNumber: after.rateNumber, pin: after.pin, fields, cells });
    }
  }
  return out.sort((x, y) => x.titleType.localeCompare(y.titleType) || x.rateNumber.localeCompare(y.rateNumber) || Number(x.pin) - Number(y.pin));
}

/** Names of the SimProperty fields whose values differ. */
export function changedFields(a: SimProperty, b: SimProperty): string[] {
  return (Object.keys(a) as (keyof SimProperty)[]).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

