import type { SiteCatalog } from "./build-catalog";
import { createRandom, mixSeed, type Random } from "./random";
import type { AddressLayout, RollId, SimProperty, SimScheme } from "./sim-types";
import type { UseCodeEntry } from "./vocabulary";

/** Where a property sits; everything else about it derives from its counter and the seed. */
export interface RecordLayout {
  /** Identity across rolls and generations (drives rate number, PIN and every random field). */
  counter: number;
  suburbIndex: number;
  /** -1 for Full Title. */
  schemeIndex: number;
  /** 0 for Full Title. */
  section: number;
}

const RATE_MULTIPLIER = 7_919_731; // odd and not a multiple of 5: a bijection modulo 10^8

/** The rate number of a counter as an integer (unique per counter), or -1 for about 1 in 2000. */
export function rateValueOf(seed: number, counter: number): number {
  if (mixSeed(seed, counter, 0x4a7e) % 2000 === 0) return -1;
  const offset = mixSeed(seed, 0x0ff5e7) % 100_000_000;
  return (counter * RATE_MULTIPLIER + offset) % 100_000_000;
}

/** The 8-digit rate number of a counter, or "" when it has none. */
export function rateNumberOf(seed: number, counter: number): string {
  const value = rateValueOf(seed, counter);
  return value < 0 ? "" : String(value).padStart(8, "0");
}

const PIN_BASE: Record<RollId, number> = { gv2022: 1_000_000, gv2017: 1_000_001 };

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

/** Derives the property of a layout on a roll (pure: same input, same output). */
export function deriveProperty(catalog: SiteCatalog, schemes: readonly SimScheme[], roll: RollId, layout: RecordLayout): SimProperty {
  const base = deriveGv2022(catalog, schemes, layout);
  return roll === "gv2022" ? base : toGv2017(catalog, base, layout.counter);
}

function deriveGv2022(catalog: SiteCatalog, schemes: readonly SimScheme[], layout: RecordLayout): SimProperty {
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
    rateNumber: rateNumberOf(catalog.seed, layout.counter),
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

/** The same property on the previous roll: mostly lower values, some other owners and uses. */
function toGv2017(catalog: SiteCatalog, p: SimProperty, counter: number): SimProperty {
  const random = createRandom(mixSeed(catalog.seed, counter, 0x2017));
  const factor = random.chance(0.85) ? 0.55 + random.next() * 0.45 : 1 + random.next() * 0.3;
  const owners = random.chance(0.12) ? ownersOf(catalog, random, null) : p.owners;
  const older: SimProperty = {
    ...p,
    roll: "gv2017",
    pin: pinOf("gv2017", counter),
    marketValue: p.marketValue === null ? null : roundValue(p.marketValue * factor),
    owners,
    firstOwner: owners[0] ?? null,
  };
  if (p.ratingCategory === "Residential" && random.chance(0.04)) {
    older.useCode = 47;
    older.useDescription = "Vacant Land";
    older.ratingCategory = "Vacant Land";
  }
  return older;
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
