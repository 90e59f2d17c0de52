import type { SiteCatalog } from "./build-catalog";
import { createRandom, mixSeed, type Random } from "./random";
import type { AddressLayout, RollId, SimProperty, SimScheme } from "./sim-types";
import type { UseCodeEntry } from "./vocabulary";

/**
 * How a record relates to another one across rolls (see roll-movement.ts). Its legal description
 * and site come from that `source`, so a subdivided erf and its portions describe the same land.
 */
export const ORIGIN = {
  /** Everything derives from the record's own counter. */
  plain: 0,
  /** A portion of the erf `source` (a plain record's counter); part = count << 8 | index (1-based). */
  portion: 1,
  /** One of `count` erven later consolidated into `source`; part = count << 8 | index. */
  merging: 2,
  /** The consolidation of `part` erven, the first of which is `source`. */
  merged: 3,
  /** The full-title site on which scheme `source` (an index into the site's schemes) was built later. */
  schemeSite: 4,
} as const;
export type RecordOrigin = (typeof ORIGIN)[keyof typeof ORIGIN];

/** Where a property sits; everything else about it derives from its counter and the seed. */
export interface RecordLayout {
  /** Identity across rolls and generations (drives PIN and every random field). */
  counter: number;
  suburbIndex: number;
  /** -1 for Full Title. */
  schemeIndex: number;
  /** 0 for Full Title. */
  section: number;
  /** The rate number as an integer, -1 when empty: its counter's, or a fresh one when renumbered. */
  rate: number;
  origin: RecordOrigin;
  /** The related record's counter (or scheme index), -1 for a plain record. */
  source: number;
  part: number;
}

const RATE_MULTIPLIER = 7_919_731; // odd and not a multiple of 5: a bijection modulo 10^8

/** The rate number of a counter as an integer (unique per counter), or -1 for about 1 in 2000. */
export function rateValueOf(seed: number, counter: number): number {
  if (mixSeed(seed, counter, 0x4a7e) % 2000 === 0) return -1;
  const offset = mixSeed(seed, 0x0ff5e7) % 100_000_000;
  return (counter * RATE_MULTIPLIER + offset) % 100_000_000;
}

/** The 8-digit text of a rate value, or "" when it has none. */
export function rateText(value: number): string {
  return value < 0 ? "" : String(value).padStart(8, "0");
}

/** A record that derives from its own counter only, with its counter's rate number. */
export function plainLayout(seed: number, counter: number, suburbIndex: number, schemeIndex = -1, section = 0): RecordLayout {
  return { counter, suburbIndex, schemeIndex, section, rate: rateValueOf(seed, counter), origin: ORIGIN.plain, source: -1, part: 0 };
}

/** PINs of the rolls interleave (gv2022 even, gv2017 odd; gv2026 and gv2012 likewise, higher up). */
const PIN_BASE: Record<RollId, number> = { gv2022: 1_000_000, gv2017: 1_000_001, gv2026: 500_000_000, gv2012: 500_000_001 };

export function pinOf(roll: RollId, counter: number): string {
  return String(PIN_BASE[roll] + counter * 2);
}

/** The counter behind a PIN on a roll, or null when the PIN cannot be one of ours. */
export function counterOfPin(roll: RollId, pin: string): number | null {
  if (!/^\d{1,15}$/.test(pin)) return null;
  const offset = Number(pin) - PIN_BASE[roll];
  if (offset < 0 || offset % 2 !== 0) return null;
  return offset / 2;
}

const PERSON_SHARE = 0.8;

/**
 * The property of a layout as gv2022 shows it (pure: same input, same output); roll-drift.ts moves
 * it to the other rolls. A record that is not on gv2022 gets the values it would have had there.
 */
export function deriveProperty(catalog: SiteCatalog, schemes: readonly SimScheme[], layout: RecordLayout): SimProperty {
  const own = derivePlain(catalog, schemes, layout);
  if (layout.origin === ORIGIN.plain) return own;
  if (layout.origin === ORIGIN.schemeSite) return onSchemeSite(catalog, own, layout, schemes[layout.source]);
  const source = derivePlain(catalog, schemes, plainLayout(catalog.seed, layout.source, layout.suburbIndex));
  const count = layout.origin === ORIGIN.merged ? layout.part : layout.part >> 8;
  const index = layout.part & 0xff;
  if (layout.origin === ORIGIN.portion) return asPortion(own, source, count, index);
  if (layout.origin === ORIGIN.merging) return asMerging(own, source, count);
  return asMerged(own, source, count);
}

/** The land of `from`: erf, township, farm and deeds town. */
function landOf(from: SimProperty): Pick<SimProperty, "erfNumber" | "township" | "isFarm" | "deedsTownId"> {
  return { erfNumber: from.erfNumber, township: from.township, isFarm: from.isFarm, deedsTownId: from.deedsTownId };
}

function shareOf(extent: number | null, divisor: number): number | null {
  return extent === null ? null : Math.max(12, Math.round(extent / divisor));
}

/**
 * Portion `index` of `count` from subdividing `parent`: the last is the remainder (unless the parent
 * already was one), the others take portion numbers above the parent's, so no child reads like it.
 */
function asPortion(own: SimProperty, parent: SimProperty, count: number, index: number): SimProperty {
  const remainder = index === count && !parent.isRemainder;
  const firstFree = (parent.portionNumber ?? 0) + 1 + (parent.isRemainder || parent.portionNumber !== null ? parent.erfNumber % 40 : 0);
  return {
    ...own,
    ...landOf(parent),
    portionNumber: remainder ? parent.portionNumber : firstFree + index - 1,
    isRemainder: remainder,
    streetName: parent.streetName,
    streetNumber: remainder ? parent.streetNumber : own.streetNumber,
    addressLayout: parent.streetName === null ? "plain" : parent.addressLayout,
    registeredExtent: shareOf(parent.registeredExtent, count),
  };
}

/** One of `count` erven on the street of the erf they are later consolidated into. */
function asMerging(own: SimProperty, result: SimProperty, count: number): SimProperty {
  return {
    ...own,
    township: result.township,
    isFarm: result.isFarm,
    deedsTownId: result.deedsTownId,
    streetName: result.streetName,
    addressLayout: result.streetName === null ? "plain" : result.addressLayout,
    registeredExtent: shareOf(result.registeredExtent, count),
  };
}

/** The new erf consolidated from `count` erven: a whole erf (its own number) at the first one's address. */
function asMerged(own: SimProperty, first: SimProperty, count: number): SimProperty {
  return {
    ...own,
    township: first.township,
    isFarm: first.isFarm,
    deedsTownId: first.deedsTownId,
    portionNumber: null,
    isRemainder: false,
    streetName: first.streetName,
    streetNumber: first.streetNumber,
    addressLayout: first.addressLayout,
    registeredExtent: first.registeredExtent === null ? null : Math.round(first.registeredExtent * count * 100) / 100,
  };
}

/** The full-title erf a sectional scheme was later built on: the scheme's erf and address. */
function onSchemeSite(catalog: SiteCatalog, own: SimProperty, layout: RecordLayout, scheme: SimScheme | undefined): SimProperty {
  if (!scheme) throw new Error(`no scheme at index ${layout.source}`);
  const suburb = catalog.suburbs[layout.suburbIndex];
  return {
    ...own,
    erfNumber: scheme.erfNumber,
    portionNumber: null,
    isRemainder: false,
    township: suburb?.township ?? own.township,
    isFarm: catalog.suburbIsFarm[layout.suburbIndex] === true,
    deedsTownId: suburb?.deedsTownId ?? own.deedsTownId,
    streetNumber: scheme.streetNumber,
    streetName: scheme.streetName,
    addressLayout: scheme.addressLayout,
  };
}

function derivePlain(catalog: SiteCatalog, schemes: readonly SimScheme[], layout: RecordLayout): SimProperty {
  const random = createRandom(mixSeed(catalog.seed, layout.counter, 0x2022));
  const suburb = catalog.suburbs[layout.suburbIndex];
  if (!suburb) throw new Error(`no suburb at index ${layout.suburbIndex}`);
  const scheme = layout.schemeIndex >= 0 ? schemes[layout.schemeIndex] : undefined;
  const sectional = scheme !== undefined;
  const use = pickUseCode(catalog, random, sectional);
  const wealth = catalog.suburbWealth[layout.suburbIndex] ?? 1;

  let erfNumber: number;
  let portionNumber: number | null = null;
  let isRemainder = false;
  let township = suburb.township;
  let isFarm = false;
  let deedsTownId = suburb.deedsTownId;
  let streetNumber: string | null;
  let streetName: string | null;
  let addressLayout: AddressLayout;
  if (scheme) {
    erfNumber = scheme.erfNumber;
    streetNumber = scheme.streetNumber;
    streetName = scheme.streetName;
    addressLayout = scheme.addressLayout;
  } else {
    isFarm = catalog.suburbIsFarm[layout.suburbIndex] === true || random.chance(0.025);
    if (isFarm && catalog.suburbIsFarm[layout.suburbIndex] !== true) {
      township = random.pick(catalog.vocabulary.farmNames);
      deedsTownId = catalog.deedsTownIdByName.get(township) ?? deedsTownId;
    }
    erfNumber = isFarm ? random.int(1, 40) : random.int(1, 20000);
    const legal = random.next();
    if (isFarm) {
      portionNumber = random.chance(0.85) ? random.int(1, 400) : null;
      isRemainder = random.chance(0.2);
    } else if (legal < 0.15) {
      portionNumber = random.int(1, 900);
    } else if (legal < 0.19) {
      isRemainder = true;
    } else if (legal < 0.22) {
      portionNumber = random.int(1, 900);
      isRemainder = true;
    }
    const street = streetOf(random, catalog.streetPools[layout.suburbIndex] ?? []);
    streetNumber = street.number;
    streetName = street.name;
    addressLayout = street.name === null ? "plain" : addressLayoutOf(random);
  }

  const owners = ownersOf(catalog, random, use);
  const marketValue = marketValueOf(random, use, sectional, isFarm, wealth);
  return {
    roll: "gv2022",
    pin: pinOf("gv2022", layout.counter),
    rateNumber: rateText(layout.rate),
    titleType: sectional ? "sectional" : "full",
    suburbId: suburb.id,
    suburbName: suburb.name,
    volumeNo: random.chance(0.9) ? homeVolume(catalog.seed, layout.counter, suburb.volumeNos) : String(random.int(1, 89)).padStart(2, "0"),
    erfNumber,
    portionNumber,
    isRemainder,
    township,
    isFarm,
    schemeName: scheme ? scheme.name : null,
    sectionNumber: scheme ? layout.section : null,
    streetNumber,
    streetName,
    locality: suburb.locality,
    addressLayout,
    sectionalLayout: scheme ? scheme.sectionalLayout : null,
    firstOwner: owners[0] ?? null,
    owners,
    useCode: use ? use.code : null,
    useDescription: use ? use.description : null,
    ratingCategory: use && !random.chance(0.01) ? use.ratingCategory : null,
    marketValue,
    registeredExtent: extentOf(random, use, sectional, isFarm),
    deedsTownId,
    schemeNumber: scheme ? scheme.schemeNumber : null,
    governmentCode: random.chance(0.92) ? "" : random.pick(["NATIONAL", "PROVINCIAL", "MUNICIPAL"]),
    exemptions: random.chance(0.95) ? "N" : "Y",
    rebates: random.chance(0.85) ? "" : random.pick(["Pensioner", "Disability", "Child headed household"]),
    phasingIn: random.chance(0.97) ? "N" : "Y",
    exclusions: random.chance(0.97) ? "N" : "Y",
    sraCode: random.chance(0.85) ? "" : `SRA${random.int(1, 9)}`,
    propertyType: sectional ? "Sectional Title Unit" : use?.ratingCategory === "Vacant Land" ? "Land" : "Land and Buildings",
    ...detailTypesOf(catalog.seed, layout.counter, sectional, use),
  };
}

/** One of the suburb's own volumes, picked by a hash so the property's random stream is unchanged. */
function homeVolume(seed: number, counter: number, volumeNos: readonly string[]): string {
  return volumeNos[mixSeed(seed, counter, 0x701) % Math.max(1, volumeNos.length)] ?? "01";
}

/**
 * The site database's PropType and FormType (the detail link's PType/FType): small codes for the
 * kind of property and of objection form, unrelated to the title type's 1/2 in general. Drawn from
 * a hash, not the property's random stream, so the other fields stay as they were.
 */
function detailTypesOf(seed: number, counter: number, sectional: boolean, use: UseCodeEntry | null): { propType: number; formType: number } {
  const h = mixSeed(seed, counter, 0x9797);
  const odd = h % 10 === 0;
  const propType = sectional ? (odd ? 8 : 7) : use?.ratingCategory === "Vacant Land" ? 4 : odd ? 5 : 3;
  const residential = use === null || use.ratingCategory === "Residential" || use.ratingCategory === "Vacant Land";
  const formType = (h >>> 8) % 20 === 0 ? 3 : residential ? 1 : 2;
  return { propType, formType };
}

function pickUseCode(catalog: SiteCatalog, random: Random, sectional: boolean): UseCodeEntry | null {
  if (random.chance(0.01)) return null;
  const codes = catalog.vocabulary.useCodes;
  if (sectional && random.chance(0.9)) return codes.find((u) => u.code === 15) ?? random.pick(codes);
  return random.weighted(codes, codes.map((u) => u.weight));
}

interface StreetPick {
  number: string | null;
  name: string | null;
}

function streetOf(random: Random, pool: readonly string[]): StreetPick {
  const name = pool.length > 0 ? random.pick(pool) : "UNKNOWN";
  const roll = random.next();
  if (roll < 0.02) return { number: null, name: null }; // `, TONGAAT BEACH RURAL`
  if (roll < 0.03) return { number: "0", name: null }; // `0, BLUFF`
  if (roll < 0.045) return { number: null, name: "UNKNOWN" };
  if (roll < 0.08) return { number: null, name };
  if (roll < 0.12) return { number: `${random.int(1, 120)}${random.pick(["A", "B", "C"])}`, name };
  return { number: String(random.int(1, 350)), name };
}

function addressLayoutOf(random: Random): AddressLayout {
  const roll = random.next();
  if (roll < 0.04) return "padded";
  if (roll < 0.08) return "double-space";
  return "plain";
}

/** Owner names: real surnames and given names recombined, and real companies. */
export function ownersOf(catalog: SiteCatalog, random: Random, use: UseCodeEntry | null): string[] {
  if (random.chance(0.005)) return [];
  const vocabulary = catalog.vocabulary;
  const businessLike = use !== null && use.ratingCategory !== "Residential" && use.ratingCategory !== "Vacant Land";
  if (random.next() > (businessLike ? 0.3 : PERSON_SHARE)) return [random.pick(vocabulary.companies)];
  const surname = random.pick(vocabulary.surnames);
  const first = `${surname} ${random.pick(vocabulary.givenNames)}`;
  const extra = random.next();
  if (extra < 0.2) return [first, `${surname} ${random.pick(vocabulary.givenNames)}`];
  if (extra < 0.25) return [first, `${random.pick(vocabulary.surnames)} ${random.pick(vocabulary.givenNames)}`, `${surname} ${random.pick(vocabulary.givenNames)}`];
  return [first];
}

/** Rounds like a valuer: to R 1 000 below R 100 000, else to R 10 000. */
export function roundValue(value: number): number {
  const step = value < 100_000 ? 1000 : 10_000;
  return Math.max(step, Math.round(value / step) * step);
}

function logNormal(random: Random, median: number, sd: number): number {
  return median * Math.exp(random.gaussian(0, sd));
}

function marketValueOf(random: Random, use: UseCodeEntry | null, sectional: boolean, farm: boolean, wealth: number): number | null {
  if (use === null) return random.chance(0.5) ? null : roundValue(logNormal(random, 300_000, 1));
  if (use.code === 50 || use.code === 85) return null; // roads and quays carry no value
  if (use.ratingCategory === "PSI" && random.chance(0.5)) return null;
  let median: number;
  let sd = 0.8;
  let min = 30_000;
  let max = 60_000_000;
  switch (use.ratingCategory) {
    case "Residential":
      median = (sectional ? 850_000 : 900_000) * wealth * (use.code === 16 ? 3 : 1);
      min = 80_000;
      max = 30_000_000;
      break;
    case "Vacant Land":
      median = 150_000 * wealth;
      sd = 1;
      break;
    case "Business & Commercial":
      median = 3_500_000 * wealth;
      sd = 1.2;
      max = 250_000_000;
      break;
    case "Industrial":
      median = 6_000_000;
      sd = 1.1;
      max = 250_000_000;
      break;
    case "Agricultural":
      median = 900_000;
      sd = 1;
      break;
    default:
      median = 600_000;
      sd = 1;
  }
  if (farm) median *= 1.5;
  return roundValue(Math.min(max, Math.max(min, logNormal(random, median, sd))));
}

function extentOf(random: Random, use: UseCodeEntry | null, sectional: boolean, farm: boolean): number | null {
  if (random.chance(0.015)) return null;
  let area: number;
  if (sectional) area = logNormal(random, 90, 0.5);
  else if (farm || use?.ratingCategory === "Agricultural") area = logNormal(random, 80_000, 1.2);
  else if (use?.ratingCategory === "Industrial") area = logNormal(random, 5_000, 0.9);
  else if (use?.ratingCategory === "Business & Commercial") area = logNormal(random, 2_500, 1.1);
  else if (use?.ratingCategory === "Vacant Land") area = logNormal(random, 900, 0.9);
  else area = logNormal(random, 700, 0.6);
  area = Math.max(12, area);
  const decimals = random.next();
  if (decimals < 0.08) return Math.round(area) + 0.5;
  if (decimals < 0.13) return Math.round(area * 100) / 100;
  return Math.round(area);
}
