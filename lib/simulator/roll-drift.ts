import type { SiteCatalog } from "./build-catalog";
import { deriveProperty, ownersOf, pinOf, roundValue, type RecordLayout } from "./derive-property";
import { createRandom, hashString, mixSeed } from "./random";
import type { RollId, SimProperty, SimScheme } from "./sim-types";
import type { UseCodeEntry } from "./vocabulary";

/** The move from one roll to the next: values grow by about `medianDrift` (newer over older). */
export interface RollStep {
  older: RollId;
  newer: RollId;
  /** Mixed into the seed of everything this step decides. */
  code: number;
  medianDrift: number;
}

/** Consecutive rolls, oldest first. */
export const ROLL_STEPS: readonly RollStep[] = [
  { older: "gv2012", newer: "gv2017", code: 0x1217, medianDrift: 1.3 },
  { older: "gv2017", newer: "gv2022", code: 0x1722, medianDrift: 1.2 },
  { older: "gv2022", newer: "gv2026", code: 0x2226, medianDrift: 1.22 },
];

/** Properties derive as gv2022 shows them; the other rolls are steps away from it. */
export const ANCHOR_ROLL: RollId = "gv2022";

/** Spread of the drift between suburb × rating category pairs (log scale). */
const SUBURB_USE_SD = 0.1;
/** Each property's own spread around its suburb × category drift (log scale). */
const PROPERTY_SD = 0.07;
/** Share of properties whose value did not move in a step (objections, unchanged valuations). */
const FLAT_SHARE = 0.08;
const USE_CHANGE_SHARE = 0.03;
const OWNER_CHANGE_SHARE = 0.12;

interface PathStep {
  step: RollStep;
  /** True when walking from the newer roll to the older one. */
  back: boolean;
}

/** The steps from the anchor roll to each roll, nearest first. */
const PATHS: Record<RollId, PathStep[]> = pathsFromAnchor();

function pathsFromAnchor(): Record<RollId, PathStep[]> {
  const paths = { [ANCHOR_ROLL]: [] } as unknown as Record<RollId, PathStep[]>;
  let back: PathStep[] = [];
  for (let i = ROLL_STEPS.findIndex((s) => s.newer === ANCHOR_ROLL); i >= 0; i--) {
    const step = ROLL_STEPS[i] as RollStep;
    back = [...back, { step, back: true }];
    paths[step.older] = back;
  }
  let forward: PathStep[] = [];
  for (let i = ROLL_STEPS.findIndex((s) => s.older === ANCHOR_ROLL); i >= 0 && i < ROLL_STEPS.length; i++) {
    const step = ROLL_STEPS[i] as RollStep;
    forward = [...forward, { step, back: false }];
    paths[step.newer] = forward;
  }
  return paths;
}

/**
 * The value drift of one suburb × rating category in a step (newer over older): every pair has its
 * own, around the step's median, so some suburbs gain much more than others.
 */
export function suburbUseDrift(seed: number, step: RollStep, suburbIndex: number, ratingCategory: string | null): number {
  const random = createRandom(mixSeed(seed, step.code, suburbIndex, hashString(ratingCategory ?? "")));
  return step.medianDrift * Math.exp(random.gaussian(0, SUBURB_USE_SD));
}

/** A layout's property on a roll: the gv2022 property moved step by step (pure). */
export function propertyOnRoll(catalog: SiteCatalog, schemes: readonly SimScheme[], roll: RollId, layout: RecordLayout): SimProperty {
  const base = deriveProperty(catalog, schemes, layout);
  if (roll === ANCHOR_ROLL) return base;
  const p: SimProperty = { ...base, roll, pin: pinOf(roll, layout.counter) };
  let value = base.marketValue;
  for (const { step, back } of PATHS[roll]) {
    const random = createRandom(mixSeed(catalog.seed, layout.counter, step.code));
    const drift = random.chance(FLAT_SHARE)
      ? 1
      : suburbUseDrift(catalog.seed, step, layout.suburbIndex, p.ratingCategory) * Math.exp(random.gaussian(0, PROPERTY_SD));
    const useChange = p.titleType === "full" && random.chance(USE_CHANGE_SHARE) ? changeUse(catalog, p, back) : 1;
    if (value !== null) value = back ? value / drift / useChange : value * drift * useChange;
    if (random.chance(OWNER_CHANGE_SHARE)) {
      p.owners = ownersOf(catalog, random, null);
      p.firstOwner = p.owners[0] ?? null;
    }
  }
  p.marketValue = value === null ? null : roundValue(value);
  return p;
}

/**
 * Changes `p`'s use as land is developed (walking back: as it was before), and returns the value
 * ratio of the newer use over the older one; 1 (no change) for uses with no such story.
 */
function changeUse(catalog: SiteCatalog, p: SimProperty, back: boolean): number {
  const move = (back ? MOVES_BACK : MOVES_FORWARD).find((m) => m.from === p.ratingCategory);
  const use = move ? catalog.vocabulary.useCodes.find(move.to) : undefined;
  if (!move || !use) return 1;
  p.useCode = use.code;
  p.useDescription = use.description;
  p.ratingCategory = use.ratingCategory;
  p.propertyType = use.ratingCategory === "Vacant Land" ? "Land" : "Land and Buildings";
  return move.ratio;
}

interface UseMove {
  from: string;
  to: (use: UseCodeEntry) => boolean;
  /** Newer value over older value. */
  ratio: number;
}

const isCode = (code: number) => (use: UseCodeEntry) => use.code === code;
const isCategory = (category: string) => (use: UseCodeEntry) => use.ratingCategory === category;

/** What a property was before: a house was vacant land, a shop a house, vacant land a farm. */
const MOVES_BACK: readonly UseMove[] = [
  { from: "Residential", to: isCode(47), ratio: 3 },
  { from: "Business & Commercial", to: isCode(15), ratio: 1.8 },
  { from: "Vacant Land", to: isCategory("Agricultural"), ratio: 1.5 },
];

/** What a property becomes: vacant land is built on, a house turns into a shop, a farm is sold as land. */
const MOVES_FORWARD: readonly UseMove[] = [
  { from: "Vacant Land", to: isCode(15), ratio: 3 },
  { from: "Residential", to: isCategory("Business & Commercial"), ratio: 1.8 },
  { from: "Agricultural", to: isCode(47), ratio: 1.5 },
];
