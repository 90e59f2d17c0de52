import { buildCatalog, type SiteCatalog } from "./build-catalog";
import { plainLayout } from "./derive-property";
import { createRandom, cumulativeWeights, mixSeed, pickCumulative, shuffled, type Random } from "./random";
import { RecordColumns } from "./record-table";
import { ROLL_IDS } from "./roll-meta";
import { moveRolls, type RollMovement } from "./roll-movement";
import { SimRoll } from "./sim-roll";
import type { RollId, SimDeedsTown, SimScheme, SimSuburb } from "./sim-types";
import { loadVocabulary } from "./vocabulary";

/** A whole simulated site: catalog, schemes and the four rolls, at one generation. */
export interface SimSite {
  seed: number;
  /** Properties on the gv2022 roll at generation 0. */
  rows: number;
  generation: number;
  catalog: SiteCatalog;
  suburbs: readonly SimSuburb[];
  deedsTowns: readonly SimDeedsTown[];
  /** The schemes on gv2022 at generation 0, in dropdown order. */
  schemes: readonly SimScheme[];
  /** `schemes`, then those first built on a later roll: a record's scheme index points here. */
  allSchemes: readonly SimScheme[];
  rolls: Record<RollId, SimRoll>;
  /** What moved between consecutive rolls, oldest step first (ground truth for roll links). */
  movements: readonly RollMovement[];
  /** First identity counter that mutations may use for new properties. */
  nextCounter: number;
}

export interface GenerateOptions {
  seed?: number;
  rows: number;
}

const SECTIONAL_SHARE = 0.2;
const SECTIONS_PER_SCHEME = 8;

/**
 * Generates generation 0 of a site, deterministically from the seed: gv2022's properties, and the
 * other rolls moved from it (roll-movement.ts for the register, roll-drift.ts for values and uses).
 */
export function generateSite(options: GenerateOptions): SimSite {
  const seed = (options.seed ?? 1) >>> 0;
  const rows = Math.max(1, Math.floor(options.rows));
  const catalog = buildCatalog(seed, rows, loadVocabulary());
  const random = createRandom(mixSeed(seed, 0x9e7e7a7e));
  const suburbPicker = cumulativeWeights(catalog.suburbWeights);
  const pickSuburb = () => pickCumulative(suburbPicker, random.next());

  const sectionalRows = Math.round(rows * SECTIONAL_SHARE);
  const fullRows = rows - sectionalRows;
  const schemes = buildSchemes(catalog, random, sectionalRows, pickSuburb);

  const anchor = new RecordColumns(rows);
  let counter = 0;
  for (let i = 0; i < fullRows; i++) anchor.add(plainLayout(seed, counter++, pickSuburb()));
  schemes.forEach((scheme, schemeIndex) => {
    for (let section = 1; section <= scheme.sections; section++) anchor.add(plainLayout(seed, counter++, scheme.suburbIndex, schemeIndex, section));
  });
  const moved = moveRolls({ seed, catalog, schemes, anchor, nextCounter: counter, pickSuburb });
  const rolls = Object.fromEntries(
    ROLL_IDS.map((id) => [id, new SimRoll(id, catalog, moved.allSchemes, moved.columns[id].build())]),
  ) as Record<RollId, SimRoll>;

  return {
    seed,
    rows,
    generation: 0,
    catalog,
    suburbs: catalog.suburbs,
    deedsTowns: catalog.deedsTowns,
    schemes,
    allSchemes: moved.allSchemes,
    rolls,
    movements: moved.movements,
    nextCounter: moved.nextCounter,
  };
}

/** Sectional schemes with skewed sizes; names with `&` and `'` and both description layouts included. */
function buildSchemes(catalog: SiteCatalog, random: Random, sectionalRows: number, pickSuburb: () => number): SimScheme[] {
  if (sectionalRows === 0) return [];
  const names = catalog.vocabulary.schemes;
  const count = Math.max(1, Math.min(names.length, sectionalRows, Math.round(sectionalRows / SECTIONS_PER_SCHEME)));
  const picked = shuffled(names, random).slice(0, count);
  if (count >= 4) {
    const ampersand = names.find((n) => n.includes("&"));
    const apostrophe = names.find((n) => n.includes("'"));
    if (ampersand && !picked.some((n) => n.includes("&"))) picked[0] = ampersand;
    if (apostrophe && !picked.some((n) => n.includes("'"))) picked[1] = apostrophe;
  }
  const weights = picked.map(() => Math.exp(random.gaussian(0, 0.9)));
  const sizes = picked.map(() => 1);
  const picker = cumulativeWeights(weights);
  for (let i = count; i < sectionalRows; i++) {
    const s = pickCumulative(picker, random.next());
    sizes[s] = (sizes[s] ?? 1) + 1;
  }
  const schemes = picked.map((name, i): SimScheme => {
    const suburbIndex = pickSuburb();
    const pool = catalog.streetPools[suburbIndex] ?? [];
    const layoutRoll = random.next();
    return {
      name,
      suburbIndex,
      sections: sizes[i] ?? 1,
      schemeNumber: `${random.int(1, 1500)}/${random.int(1972, 2021)}`,
      erfNumber: random.int(1, 20000),
      streetNumber: random.chance(0.9) ? String(random.int(1, 400)) : null,
      streetName: pool.length > 0 ? random.pick(pool) : null,
      addressLayout: layoutRoll < 0.05 ? "padded" : layoutRoll < 0.1 ? "double-space" : "plain",
      sectionalLayout: random.chance(0.15) ? "scheme-first" : "section-first",
    };
  });
  const last = schemes[schemes.length - 1];
  if (schemes.length >= 2 && last && !schemes.some((s) => s.sectionalLayout === "scheme-first")) last.sectionalLayout = "scheme-first";
  const first = schemes[0];
  if (schemes.length >= 2 && first && !schemes.some((s) => s.sectionalLayout === "section-first")) first.sectionalLayout = "section-first";
  return schemes.sort((a, b) => a.name.localeCompare(b.name, "en"));
}
