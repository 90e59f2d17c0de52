import { createRandom, hashString, mixSeed, shuffled, type Random } from "./random";
import type { SimDeedsTown, SimSuburb } from "./sim-types";
import type { Vocabulary } from "./vocabulary";

/** Everything about a generated site that is not a property: suburbs, deeds towns, street pools. */
export interface SiteCatalog {
  seed: number;
  vocabulary: Vocabulary;
  /** In dropdown order (by name, then id). */
  suburbs: SimSuburb[];
  /** Relative number of properties per suburb (skewed: some large, a few tiny). */
  suburbWeights: number[];
  /** Multiplies market values: some suburbs are richer than others. */
  suburbWealth: number[];
  /** Whether a suburb is farmland (its erven are described as farms). */
  suburbIsFarm: boolean[];
  streetPools: string[][];
  deedsTowns: SimDeedsTown[];
  deedsTownIdByName: Map<string, number>;
  suburbIndexById: Map<number, number>;
}

export function suburbCountFor(rows: number): number {
  return Math.min(862, Math.max(3, Math.round(rows / 700)));
}

/** Builds the catalog for a roll of `rows` properties. */
export function buildCatalog(seed: number, rows: number, vocabulary: Vocabulary): SiteCatalog {
  const random = createRandom(mixSeed(seed, 0xca7a106));
  const count = Math.min(suburbCountFor(rows), vocabulary.suburbs.length);
  const chosen = shuffled(vocabulary.suburbs, random)
    .slice(0, count)
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.sourceId - b.sourceId);

  const townshipNames = new Set<string>();
  const drafts = chosen.map((source) => {
    const farm = /^farm\s+/i.test(source.name);
    const township = townshipOf(source.name);
    townshipNames.add(township);
    return { source, farm, township, locality: random.chance(0.2) ? localityVariant(source.name) : source.name.toUpperCase() };
  });
  for (const farm of vocabulary.farmNames) townshipNames.add(farm);

  const deedsTowns = assignDeedsTownIds([...townshipNames].sort());
  const deedsTownIdByName = new Map(deedsTowns.map((t) => [t.name, t.id]));

  const suburbs: SimSuburb[] = drafts.map((d) => ({
    id: 20000 + d.source.sourceId,
    name: d.source.name,
    township: d.township,
    locality: d.locality,
    volumeNo: String(random.int(1, 89)).padStart(2, "0"),
    volumeNos: [],
    deedsTownId: deedsTownIdByName.get(d.township) ?? 0,
  }));

  const suburbWeights = skewedWeights(count, rows, random);
  spreadOverVolumes(suburbs, suburbWeights, rows);
  const suburbWealth = suburbs.map(() => Math.exp(random.gaussian(0, 0.55)));
  const expectedPerSuburb = rows / count;
  const streetPools = suburbs.map((_, i) => streetPool(vocabulary, createRandom(mixSeed(seed, i, 0x57)), expectedPerSuburb * (suburbWeights[i] ?? 1)));

  return {
    seed,
    vocabulary,
    suburbs,
    suburbWeights,
    suburbWealth,
    suburbIsFarm: drafts.map((d) => d.farm),
    streetPools,
    deedsTowns,
    deedsTownIdByName,
    suburbIndexById: new Map(suburbs.map((s, i) => [s.id, i])),
  };
}

/** The roll's volumes: `01` … `89`, as the criteria pages offer them. */
export const VOLUME_COUNT = 89;
const MAX_VOLUMES_PER_SUBURB = 24;

/**
 * Gives each suburb its consecutive volumes (wrapping after 89): one for a small suburb, more for a
 * big one, about one per average volume's worth of rows (at least 60, at most 900, so a part stays
 * under the banner's 1000 at production scale and under a small test cap).
 */
function spreadOverVolumes(suburbs: SimSuburb[], weights: readonly number[], rows: number): void {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const part = Math.min(900, Math.max(60, rows / VOLUME_COUNT));
  suburbs.forEach((suburb, i) => {
    const expected = (rows * (weights[i] ?? 0)) / Math.max(total, Number.MIN_VALUE);
    const span = Math.min(MAX_VOLUMES_PER_SUBURB, Math.max(1, Math.ceil(expected / part)));
    const first = Number(suburb.volumeNo) - 1;
    suburb.volumeNos = Array.from({ length: span }, (_, k) => String(((first + k) % VOLUME_COUNT) + 1).padStart(2, "0"));
  });
}

/** `COTTON LANDS 1575` → `COTTON LANDS NO. 1575`; `Farm SALEM No 1052` → `SALEM NO. 1052`. */
export function townshipOf(suburbName: string): string {
  const upper = suburbName.toUpperCase().replace(/^FARM\s+/, "").replace(/\s+/g, " ").trim();
  const numbered = /^(.*?)\s+(?:NO\.?\s*)?(\d{3,})$/.exec(upper);
  return numbered ? `${numbered[1]} NO. ${numbered[2]}` : upper;
}

/** A locality spelled unlike the suburb: `NTUZUMA G` → `NTUZUMA - G`, `X 1575` → `X`. */
export function localityVariant(suburbName: string): string {
  const upper = suburbName.toUpperCase().replace(/\s+/g, " ").trim();
  if (/ - /.test(upper)) return upper.replace(/ - /g, "-");
  if (/-/.test(upper)) return upper.replace(/-/g, " - ");
  const numbered = /^(.*?)\s+(?:NO\.?\s*)?\d{3,}$/.exec(upper);
  if (numbered?.[1]) return numbered[1];
  const letter = /^(.*) ([A-Z])$/.exec(upper);
  if (letter) return `${letter[1]}-${letter[2]}`;
  return `${upper} RURAL`;
}

function assignDeedsTownIds(names: string[]): SimDeedsTown[] {
  const used = new Set<number>();
  return names.map((name) => {
    let id = 1000 + (hashString(name) % 9000);
    while (used.has(id)) id = id === 9999 ? 1000 : id + 1;
    used.add(id);
    return { id, name };
  });
}

/** Log-normal sizes; the largest suburb is big enough for the 1000+ banner; the last two are tiny. */
function skewedWeights(count: number, rows: number, random: Random): number[] {
  const weights = Array.from({ length: count }, () => Math.exp(random.gaussian(0, 1)));
  const order = weights.map((_, i) => i).sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const fullRows = rows * 0.8;
  const biggest = order[0] ?? 0;
  const wantedShare = Math.min(0.3, 1500 / Math.max(fullRows, 1));
  const share = (weights[biggest] ?? 0) / total;
  if (share < wantedShare) {
    weights[biggest] = ((total - (weights[biggest] ?? 0)) * wantedShare) / (1 - wantedShare);
  }
  if (count >= 6) {
    const mean = weights.reduce((sum, w) => sum + w, 0) / count;
    for (const tiny of order.slice(-2)) weights[tiny] = mean * 0.003;
  }
  return weights;
}

function streetPool(vocabulary: Vocabulary, random: Random, expectedRows: number): string[] {
  const size = Math.min(vocabulary.streetNames.length, Math.max(4, Math.ceil(expectedRows / 12)));
  const pool = new Set<string>();
  while (pool.size < size) pool.add(random.pick(vocabulary.streetNames));
  return [...pool].sort();
}
