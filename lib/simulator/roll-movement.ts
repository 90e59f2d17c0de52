import type { SiteCatalog } from "./build-catalog";
import { deriveProperty, ORIGIN, plainLayout, rateValueOf, type RecordLayout } from "./derive-property";
import { createRandom, mixSeed, shuffled, type Random } from "./random";
import { RecordColumns } from "./record-table";
import { ANCHOR_ROLL, ROLL_STEPS, type RollStep } from "./roll-drift";
import type { RollId, SimScheme } from "./sim-types";

/**
 * What changed in the register between two consecutive rolls, by record counter (ground truth for
 * roll links). Unchanged and renumbered properties keep their counter; a counter on one roll only,
 * with no entry here, is a property that is new or gone.
 */
export interface RollMovement {
  step: RollStep;
  /** A subdivided erf on the older roll → its portions on the newer roll. */
  subdivisions: Map<number, number[]>;
  /** An erf on the older roll → the erf it was consolidated into on the newer roll. */
  consolidations: Map<number, number>;
  /** A full-title erf on the older roll → the scheme built on it (its units are on the newer roll). */
  schemeSites: Map<number, number>;
}

/** Per step, as shares of the roll the step starts from. */
const SHARES = {
  /** Properties on the newer roll only (new townships, new registrations). */
  new: 0.025,
  /** Properties on the older roll only (expropriated, closed, merged into roads). */
  gone: 0.025,
  /** Same property and legal description, another rate number. */
  renumbered: 0.01,
  /** Going forward: erven subdivided (into 2 to 5 portions). */
  subdividedErven: 0.004,
  /** Going back: portions of an erf subdivided between the rolls (about 3.5 per erf, as many as going forward). */
  portions: 0.015,
  /** Going forward: erven consolidated (2 or 3 into one). */
  consolidatedErven: 0.01,
  /** Going back: erven that are the consolidation of 2 or 3 older ones. */
  consolidations: 0.004,
  /** Going forward: full-title erven a scheme is built on. */
  schemeSites: 0.001,
  /** Going back: schemes not yet built on the older roll. */
  schemesBuilt: 0.03,
  /** Of new and gone properties, the share that are units of an existing scheme. */
  sectional: 0.2,
} as const;

/** Everything the steps share: the seed, the catalog, the schemes (which grow) and the counters. */
interface MovementContext {
  seed: number;
  catalog: SiteCatalog;
  schemes: SimScheme[];
  pickSuburb: () => number;
  nextCounter: number;
  /** Counters already part of a subdivision, consolidation or scheme site: never picked twice. */
  involved: Set<number>;
  /**
   * Records a backward step turned into portions: the same counters on the newer rolls built
   * before must become portions too (the land stays subdivided).
   */
  relabelled: Map<number, RecordLayout>;
  /** Per scheme, the next section number no roll has used yet. */
  nextSection: Map<number, number>;
  schemeNames: Set<string>;
  spareSchemeNames: string[];
}

export interface MovedRolls {
  columns: Record<RollId, RecordColumns>;
  /** The anchor's schemes, then the ones first built on a newer roll. */
  allSchemes: SimScheme[];
  movements: RollMovement[];
  nextCounter: number;
}

/**
 * Builds every roll from the anchor roll's records (gv2022): older rolls step back one at a time,
 * newer ones step forward. Stepping back may turn anchor records into portions of an older erf.
 */
export function moveRolls(input: { seed: number; catalog: SiteCatalog; schemes: readonly SimScheme[]; anchor: RecordColumns; nextCounter: number; pickSuburb: () => number }): MovedRolls {
  const schemes = input.schemes.slice();
  const names = new Set(schemes.map((s) => s.name));
  const ctx: MovementContext = {
    seed: input.seed,
    catalog: input.catalog,
    schemes,
    pickSuburb: input.pickSuburb,
    nextCounter: input.nextCounter,
    involved: new Set(),
    relabelled: new Map(),
    nextSection: new Map(schemes.map((s, i) => [i, s.sections + 1])),
    schemeNames: names,
    spareSchemeNames: shuffled(input.catalog.vocabulary.schemes.filter((n) => !names.has(n)), createRandom(mixSeed(input.seed, 0x5c4e3e))),
  };
  const columns = { [ANCHOR_ROLL]: input.anchor } as Record<RollId, RecordColumns>;
  const movements: RollMovement[] = [];
  for (let i = ROLL_STEPS.findIndex((s) => s.newer === ANCHOR_ROLL); i >= 0; i--) {
    const step = ROLL_STEPS[i] as RollStep;
    const moved = stepBack(ctx, step, columns[step.newer]);
    columns[step.older] = moved.columns;
    movements.push(moved.movement);
  }
  for (const records of Object.values(columns)) relabel(records, ctx.relabelled);
  for (let i = ROLL_STEPS.findIndex((s) => s.older === ANCHOR_ROLL); i >= 0 && i < ROLL_STEPS.length; i++) {
    const step = ROLL_STEPS[i] as RollStep;
    const moved = stepForward(ctx, step, columns[step.older]);
    columns[step.newer] = moved.columns;
    movements.push(moved.movement);
  }
  movements.sort((a, b) => ROLL_STEPS.indexOf(a.step) - ROLL_STEPS.indexOf(b.step));
  return { columns, allSchemes: schemes, movements, nextCounter: ctx.nextCounter };
}

/** Gives relabelled records their new origin, keeping each roll's own rate number. */
function relabel(records: RecordColumns, relabelled: ReadonlyMap<number, RecordLayout>): void {
  if (relabelled.size === 0) return;
  for (let i = 0; i < records.length; i++) {
    const layout = relabelled.get(records.counters[i] ?? 0);
    if (layout) records.set(i, { ...layout, rate: records.rates[i] ?? -1 });
  }
}

const emptyMovement = (step: RollStep): RollMovement => ({ step, subdivisions: new Map(), consolidations: new Map(), schemeSites: new Map() });

/** A full-title record with no history of its own: the only kind that subdivides, merges or makes way for a scheme. */
function isPlainErf(ctx: MovementContext, layout: RecordLayout): boolean {
  return layout.origin === ORIGIN.plain && layout.schemeIndex < 0 && !ctx.involved.has(layout.counter);
}

function fresh(ctx: MovementContext): number {
  return ctx.nextCounter++;
}

/** The older roll, built from the newer one. Records of the newer roll may become portions. */
function stepBack(ctx: MovementContext, step: RollStep, newer: RecordColumns | undefined): { columns: RecordColumns; movement: RollMovement } {
  if (!newer) throw new Error(`no records for ${step.newer}`);
  const random = createRandom(mixSeed(ctx.seed, step.code, 0xbac));
  const older = new RecordColumns(Math.ceil(newer.length * 1.05));
  const movement = emptyMovement(step);
  const handled = new Uint8Array(newer.length);

  const unitsByScheme = new Map<number, number[]>();
  for (let i = 0; i < newer.length; i++) {
    const scheme = newer.schemes[i] ?? -1;
    if (scheme < 0) continue;
    const units = unitsByScheme.get(scheme);
    if (units) units.push(i);
    else unitsByScheme.set(scheme, [i]);
  }
  // Schemes not yet built on the older roll: their units are new, the older roll has their erf.
  const untouched = [...unitsByScheme].filter(([, units]) => units.every((i) => newer.origins[i] === ORIGIN.plain && !ctx.involved.has(newer.counters[i] ?? 0)));
  const builtCount = untouched.length < 4 ? 0 : Math.max(1, Math.round(untouched.length * SHARES.schemesBuilt));
  const built = new Set(shuffled(untouched, random).slice(0, builtCount).map(([schemeIndex]) => schemeIndex));
  for (const [schemeIndex, units] of unitsByScheme) {
    if (!built.has(schemeIndex)) continue;
    const scheme = ctx.schemes[schemeIndex] as SimScheme;
    const site = fresh(ctx);
    older.add({ ...plainLayout(ctx.seed, site, scheme.suburbIndex), origin: ORIGIN.schemeSite, source: schemeIndex });
    movement.schemeSites.set(site, schemeIndex);
    ctx.involved.add(site);
    for (const i of units) {
      handled[i] = 1;
      ctx.involved.add(newer.counters[i] ?? 0);
    }
  }
  const olderSchemes = [...unitsByScheme.keys()].filter((schemeIndex) => !built.has(schemeIndex));

  const portionGroups = new Map<number, { indices: number[]; count: number }>();
  for (let i = 0; i < newer.length; i++) {
    if (handled[i]) continue;
    const layout = newer.at(i);
    let u = random.next();
    if (u < SHARES.new) continue;
    u -= SHARES.new;
    if (u < SHARES.renumbered) {
      older.add({ ...layout, rate: rateValueOf(ctx.seed, fresh(ctx)) });
      continue;
    }
    u -= SHARES.renumbered;
    if (isPlainErf(ctx, layout) && u < SHARES.portions) {
      const group = portionGroups.get(layout.suburbIndex) ?? { indices: [], count: random.int(2, 5) };
      group.indices.push(i);
      portionGroups.set(layout.suburbIndex, group);
      if (group.indices.length === group.count) {
        subdivideBack(ctx, newer, older, movement, layout.suburbIndex, group);
        portionGroups.delete(layout.suburbIndex);
      }
      continue;
    }
    u -= SHARES.portions;
    if (isPlainErf(ctx, layout) && u < SHARES.consolidations) {
      const count = random.int(2, 3);
      ctx.involved.add(layout.counter);
      for (let k = 1; k <= count; k++) {
        const member = fresh(ctx);
        older.add({ ...plainLayout(ctx.seed, member, layout.suburbIndex), origin: ORIGIN.merging, source: layout.counter, part: (count << 8) | k });
        movement.consolidations.set(member, layout.counter);
        ctx.involved.add(member);
      }
      continue;
    }
    older.add(layout);
  }
  // Records waiting for a group that never filled stay as they are.
  for (const group of portionGroups.values()) for (const i of group.indices) older.add(newer.at(i));

  const gone = Math.round(newer.length * SHARES.gone);
  for (let k = 0; k < gone; k++) older.add(newRecord(ctx, random, olderSchemes));
  return { columns: older, movement };
}

/** A parent erf on the older roll for the group's records, which become its portions on the newer roll. */
function subdivideBack(ctx: MovementContext, newer: RecordColumns, older: RecordColumns, movement: RollMovement, suburbIndex: number, group: { indices: number[]; count: number }): void {
  const parent = fresh(ctx);
  older.add(plainLayout(ctx.seed, parent, suburbIndex));
  ctx.involved.add(parent);
  const children = group.indices.map((i, k) => {
    const child = newer.at(i);
    const portion: RecordLayout = { ...child, origin: ORIGIN.portion, source: parent, part: (group.count << 8) | (k + 1) };
    newer.set(i, portion);
    ctx.relabelled.set(child.counter, portion);
    ctx.involved.add(child.counter);
    return child.counter;
  });
  movement.subdivisions.set(parent, children);
}

/** The newer roll, built from the older one. */
function stepForward(ctx: MovementContext, step: RollStep, older: RecordColumns | undefined): { columns: RecordColumns; movement: RollMovement } {
  if (!older) throw new Error(`no records for ${step.older}`);
  const random = createRandom(mixSeed(ctx.seed, step.code, 0xf0d));
  const newer = new RecordColumns(Math.ceil(older.length * 1.05));
  const movement = emptyMovement(step);
  const olderSchemes = [...new Set(Array.from(older.schemes.subarray(0, older.length)).filter((s) => s >= 0))];
  const mergeGroups = new Map<number, { members: RecordLayout[]; count: number }>();

  for (let i = 0; i < older.length; i++) {
    const layout = older.at(i);
    let u = random.next();
    if (u < SHARES.gone) continue;
    u -= SHARES.gone;
    if (u < SHARES.renumbered) {
      newer.add({ ...layout, rate: rateValueOf(ctx.seed, fresh(ctx)) });
      continue;
    }
    u -= SHARES.renumbered;
    const plainErf = isPlainErf(ctx, layout);
    if (plainErf && u < SHARES.subdividedErven) {
      const count = random.int(2, 5);
      ctx.involved.add(layout.counter);
      const children = Array.from({ length: count }, (_, k) => {
        const child = fresh(ctx);
        newer.add({ ...plainLayout(ctx.seed, child, layout.suburbIndex), origin: ORIGIN.portion, source: layout.counter, part: (count << 8) | (k + 1) });
        ctx.involved.add(child);
        return child;
      });
      movement.subdivisions.set(layout.counter, children);
      continue;
    }
    u -= SHARES.subdividedErven;
    if (plainErf && u < SHARES.consolidatedErven) {
      const group = mergeGroups.get(layout.suburbIndex) ?? { members: [], count: random.int(2, 3) };
      group.members.push(layout);
      mergeGroups.set(layout.suburbIndex, group);
      if (group.members.length === group.count) {
        consolidateForward(ctx, newer, movement, group.members);
        mergeGroups.delete(layout.suburbIndex);
      }
      continue;
    }
    u -= SHARES.consolidatedErven;
    if (plainErf && u < SHARES.schemeSites) {
      buildScheme(ctx, random, newer, movement, layout);
      continue;
    }
    newer.add(layout);
  }
  for (const group of mergeGroups.values()) for (const member of group.members) newer.add(member);

  const added = Math.round(older.length * SHARES.new);
  for (let k = 0; k < added; k++) newer.add(newRecord(ctx, random, olderSchemes));
  return { columns: newer, movement };
}

function consolidateForward(ctx: MovementContext, newer: RecordColumns, movement: RollMovement, members: RecordLayout[]): void {
  const first = members[0] as RecordLayout;
  const result = fresh(ctx);
  newer.add({ ...plainLayout(ctx.seed, result, first.suburbIndex), origin: ORIGIN.merged, source: first.counter, part: members.length });
  ctx.involved.add(result);
  for (const member of members) {
    movement.consolidations.set(member.counter, result);
    ctx.involved.add(member.counter);
  }
}

/** A new scheme on the erf `site` (which leaves the roll), with its units on the newer roll. */
function buildScheme(ctx: MovementContext, random: Random, newer: RecordColumns, movement: RollMovement, site: RecordLayout): void {
  const erf = deriveProperty(ctx.catalog, ctx.schemes, site);
  const schemeIndex = ctx.schemes.length;
  const sections = Math.max(2, Math.min(80, Math.round(Math.exp(random.gaussian(Math.log(8), 0.7)))));
  ctx.schemes.push({
    name: nextSchemeName(ctx, random, erf.streetName),
    suburbIndex: site.suburbIndex,
    sections,
    schemeNumber: `${random.int(1, 1500)}/${random.int(2022, 2025)}`,
    erfNumber: erf.erfNumber,
    streetNumber: erf.streetNumber,
    streetName: erf.streetName,
    addressLayout: erf.addressLayout,
    sectionalLayout: random.chance(0.15) ? "scheme-first" : "section-first",
  });
  ctx.nextSection.set(schemeIndex, sections + 1);
  for (let section = 1; section <= sections; section++) {
    const unit = fresh(ctx);
    newer.add(plainLayout(ctx.seed, unit, site.suburbIndex, schemeIndex, section));
    ctx.involved.add(unit);
  }
  ctx.involved.add(site.counter);
  movement.schemeSites.set(site.counter, schemeIndex);
}

const SCHEME_SUFFIXES = ["GARDENS", "COURT", "VILLAS", "MEWS", "HEIGHTS", "PLACE", "VIEW", "MANOR", "LOFTS", "RESIDENCE"];

/** An unused real scheme name, else one made from the street (`SS ACACIA CRESCENT VILLAS`). */
function nextSchemeName(ctx: MovementContext, random: Random, streetName: string | null): string {
  let name = ctx.spareSchemeNames.pop();
  for (let n = 2; name === undefined || ctx.schemeNames.has(name); n++) {
    const base = `SS ${streetName ?? random.pick(ctx.catalog.vocabulary.streetNames)} ${random.pick(SCHEME_SUFFIXES)}`;
    name = n === 2 ? base : `${base} ${n}`;
  }
  ctx.schemeNames.add(name);
  return name;
}

/** A property on one roll of the step only: a full-title erf, or a unit of a scheme on that roll. */
function newRecord(ctx: MovementContext, random: Random, schemesOnRoll: readonly number[]): RecordLayout {
  const counter = fresh(ctx);
  if (schemesOnRoll.length > 0 && random.chance(SHARES.sectional)) {
    const schemeIndex = random.pick(schemesOnRoll);
    const section = ctx.nextSection.get(schemeIndex) ?? 1;
    ctx.nextSection.set(schemeIndex, section + 1);
    return plainLayout(ctx.seed, counter, (ctx.schemes[schemeIndex] as SimScheme).suburbIndex, schemeIndex, section);
  }
  return plainLayout(ctx.seed, counter, ctx.pickSuburb());
}
