// Which of the candidate properties to compare with: for full title, the same suburb and use within
// an extent band that is widened until there are enough; for a sectional unit, the other units of
// its scheme nearest in size.

export type Candidate = {
  rateNumber: string;
  titleType: "full" | "sectional";
  sectionNumber: string | null;
  address: string;
  legalDescription: string;
  marketValue: number | null;
  registeredExtent: number | null;
};

export type ExtentBand = { min: number; max: number };
export type Choice<C> = { chosen: C[]; band: ExtentBand | null };

/** Enough to say where a property stands; a table a resident can read on one printed page. */
export const MIN_COMPARABLES = 8;
export const MAX_COMPARABLES = 25;
/** Extent bands tried in turn: within ±20 % (as a ratio), then ±35 %, ±50 %, half to double, a quarter to four times. */
export const EXTENT_BAND_RATIOS = [1.2, 1.35, 1.5, 2, 4] as const;

const hasExtent = <C extends Candidate>(candidate: C): candidate is C & { registeredExtent: number } =>
  candidate.registeredExtent !== null && candidate.registeredExtent > 0;

/** How far apart two extents are, as a ratio (so 500 and 1 000 are as far as 1 000 and 2 000). */
const extentDistance = (a: number, b: number) => Math.abs(Math.log(a / b));

function nearest<C extends Candidate>(candidates: C[], extent: number, limit: number): C[] {
  return candidates
    .filter(hasExtent)
    .sort((a, b) => extentDistance(a.registeredExtent, extent) - extentDistance(b.registeredExtent, extent) || a.rateNumber.localeCompare(b.rateNumber))
    .slice(0, limit);
}

const byRateNumber = <C extends Candidate>(candidates: C[]) => [...candidates].sort((a, b) => a.rateNumber.localeCompare(b.rateNumber));

/** Full title: the narrowest band holding MIN_COMPARABLES, its nearest MAX_COMPARABLES. */
export function chooseByExtentBand<C extends Candidate>(candidates: C[], extent: number | null): Choice<C> {
  if (extent === null || extent <= 0) return { chosen: byRateNumber(candidates).slice(0, MAX_COMPARABLES), band: null };
  let band: ExtentBand = { min: extent, max: extent };
  let inBand: C[] = [];
  for (const ratio of EXTENT_BAND_RATIOS) {
    band = { min: extent / ratio, max: extent * ratio };
    const { min, max } = band;
    inBand = candidates.filter((candidate) => hasExtent(candidate) && candidate.registeredExtent >= min && candidate.registeredExtent <= max);
    if (inBand.length >= MIN_COMPARABLES) break;
  }
  return { chosen: nearest(inBand, extent, MAX_COMPARABLES), band };
}

/** A sectional unit: the other units of its scheme, the nearest in size first (all of them when sizes are unknown). */
export function chooseSchemeUnits<C extends Candidate>(units: C[], extent: number | null): Choice<C> {
  if (extent === null || extent <= 0) return { chosen: byRateNumber(units).slice(0, MAX_COMPARABLES), band: null };
  const sized = nearest(units, extent, MAX_COMPARABLES);
  const unsized = byRateNumber(units.filter((unit) => !hasExtent(unit)));
  return { chosen: [...sized, ...unsized].slice(0, MAX_COMPARABLES), band: null };
}
