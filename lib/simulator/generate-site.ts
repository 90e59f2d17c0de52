import { buildCatalog, type SiteCatalog } from "./build-catalog";
import { rateValueOf, type RecordLayout } from "./derive-property";
import { createRandom, cumulativeWeights, mixSeed, pickCumulative, shuffled, type Random } from "./random";
import { RecordTableBuilder } from "./record-table";
import { SimRoll } from "./sim-roll";
import type { RollId, SimDeedsTown, SimScheme, SimSuburb } from "./sim-types";
import { loadVocabulary } from "./vocabulary";

/** A whole simulated site: catalog, schemes and both rolls, at one generation. */
export interface SimSite {
  seed: number;
  /** Properties on the gv2022 roll at generation 0. */
  rows: number;
  generation: number;
  catalog: SiteCatalog;
  suburbs: readonly SimSuburb[];
  deedsTowns: readonly SimDeedsTown[];
  schemes: readonly SimScheme[];
  rolls: Record<RollId, SimRoll>;
  /** First identity counter that mutations may use for new properties. */
  nextCounter: number;
}

export interface GenerateOptions {
  seed?: number;
  rows: number;
}

const SECTIONAL_SHARE = 0.2;
const SECTIONS_PER_SCHEME = 8;
/** Share of gv2022 properties that were not on gv2017, and of gv2017 ones gone by gv2022. */
const ROLL_CHURN = 0.05;

/** Generates generation 0 of a site, deterministically from the seed. */
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

  const gv2022 = new RecordTableBuilder();
  const gv2017 = new RecordTableBuilder();
  const addToBothRolls = (layout: RecordLayout) => {
    const rate = rateValueOf(seed, layout.counter);
    gv2022.add(layout, rate);
    if (mixSeed(seed, layout.counter, 0x17) % 1000 >= ROLL_CHURN * 1000) gv2017.add(layout, rate);
  };
  let counter = 0;
  for (let i = 0; i < fullRows; i++) addToBothRolls({ counter: counter++, suburbIndex: pickSuburb(), schemeIndex: -1, section: 0 });
  schemes.forEach((scheme, schemeIndex) => {
    for (let section = 1; section <= scheme.sections; section++) {
      addToBothRolls({ counter: counter++, suburbIndex: scheme.suburbIndex, schemeIndex, section });
    }
  });
  const gone = Math.round(rows * ROLL_CHURN);
  const extraSections = new Array<number>(schemes.length).fill(0);
  for (let i = 0; i < gone; i++) {
    const layout = schemes.length > 0 && random.chance(SECTIONAL_SHARE)
      ? goneSection(random, schemes, extraSections, counter)
      : { counter, suburbIndex: pickSuburb(), schemeIndex: -1, section: 0 };
    gv2017.add(layout, rateValueOf(seed, counter));
    counter++;
  }

  return {
    seed,
    rows,
    generation: 0,
    catalog,
    suburbs: catalog.suburbs,
    deedsTowns: catalog.deedsTowns,
    schemes,
    rolls: {
      gv2022: new SimRoll("gv2022", catalog, schemes, gv2022.build()),
      gv2017: new SimRoll("gv2017", catalog, schemes, gv2017.build()),
    },
    nextCounter: counter,
  };
}

function goneSection(random: Random, schemes: readonly SimScheme[], extraSections: number[], counter: number): RecordLayout {
  const schemeIndex = random.int(0, schemes.length - 1);
  const scheme = schemes[schemeIndex] as SimScheme;
  extraSections[schemeIndex] = (extraSections[schemeIndex] ?? 0) + 1;
  return { counter, suburbIndex: scheme.suburbIndex, schemeIndex, section: scheme.sections + (extraSections[schemeIndex] ?? 1) };
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
