/**
 * The simulator's switches for behaving like the live site (the "real" profile). Each switch works
 * on its own, so tests can combine them; the evidence for each is the site's own source
 * (`thingothabethe/ValuationRoll_2022`: FramePages/*.aspx, Search/XSLT/SearchResults.xsl, ErrorLog/).
 */

export type SimulatorProfile = "default" | "real";

export const SIMULATOR_PROFILES: readonly SimulatorProfile[] = ["default", "real"];

export interface RealBehaviour {
  /** The caption's "Total found records" is the XSLT's `count(…/PIN)` of the rows sent, never the matches. */
  captionCountsSent: boolean;
  /** Send at most this many rows of an answer (no ORDER BY: which rows is arbitrary); null sends all. */
  answerCap: number | null;
  /** The banner row shows when the caption's count is at least this (the XSLT says 1000). */
  bannerThreshold: number;
  /** `Response.Buffer=true`: nothing is written until the whole answer is built (results pages only). */
  firstByteDelay: { baseMs: number; perRowMs: number };
  /** When the first-byte delay would exceed this, answer the SQL "Timeout expired" 500 after it. */
  databaseTimeoutMs: number | null;
  /** Share of properties (0–1) with one odd market value or extent cell: `NaN`, empty (zero) or negative. */
  oddCells: { share: number };
  /** Share of populated suburbs (0–1) that answer "No Match" the first `times` times they are asked. */
  transientNoMatch: { share: number; times: number };
  /** What `All=true` does when no `SchemeName` is given. */
  allWithoutScheme: "no-match" | "ignored";
  /** Detail links carry the property's own PType/FType; the details page reads its query by position. */
  detailTypesFromData: boolean;
  /** Rows come in an order that is not rate-number order (deterministic per query). */
  unsorted: boolean;
  /** A database outage window, relative to the simulator's start. */
  outage: OutageWindow | null;
}

/**
 * What the database pages answer while the database is down: "network" (the default; thousands
 * in the site's logs: the server cannot be reached) or "pool" (hundreds: connection pool exhausted).
 */
export type OutageError = "network" | "pool";

export interface OutageWindow {
  startAfterMs: number;
  durationMs: number;
  error?: OutageError;
}

/**
 * Today's behaviour, for fast tests: every real-site switch off. (The default profile's caption
 * states the true total; its banner shows at 1000 matches.)
 */
export const DEFAULT_PROFILE_BEHAVIOUR: Readonly<RealBehaviour> = Object.freeze({
  captionCountsSent: false,
  answerCap: null,
  bannerThreshold: 1000,
  firstByteDelay: Object.freeze({ baseMs: 0, perRowMs: 0 }),
  databaseTimeoutMs: null,
  oddCells: Object.freeze({ share: 0 }),
  transientNoMatch: Object.freeze({ share: 0, times: 0 }),
  allWithoutScheme: "ignored",
  detailTypesFromData: false,
  unsorted: false,
  outage: null,
});

/**
 * The live site at production scale, as its source and logs show it.
 * - answerCap null: the only evidence of a big answer is the live query `RateNumber=534`, which
 *   came back with the banner and more than 1000 rows (the notebook that recorded it printed 1000
 *   and then IPython's `...]`), so nothing caps at the banner threshold and no other cap is
 *   evidenced; the database timeout is what stops very big answers.
 * - firstByteDelay: 0.25 s plus 5 ms a row, so a suburb of about 6000 rows reaches the 30 s
 *   command timeout (the .NET default; the logs hold hundreds of "Timeout expired").
 * - allWithoutScheme "no-match": the only sender of `All=true` is "Show whole scheme", which the
 *   criteria page's script refuses without a scheme, so the server's `All=true` branch is the
 *   whole-scheme query keyed on the scheme name; with an empty name it matches nothing.
 * - No outage and no transient "No Match" unless asked for: they are events, not a steady state.
 */
export const REAL_PROFILE_DEFAULTS: Readonly<RealBehaviour> = Object.freeze({
  captionCountsSent: true,
  answerCap: null,
  bannerThreshold: 1000,
  firstByteDelay: Object.freeze({ baseMs: 250, perRowMs: 5 }),
  databaseTimeoutMs: 30_000,
  oddCells: Object.freeze({ share: 0.002 }),
  transientNoMatch: Object.freeze({ share: 0, times: 0 }),
  allWithoutScheme: "no-match",
  detailTypesFromData: true,
  unsorted: true,
  outage: null,
});

function assertShare(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) throw new Error(`${name} must be between 0 and 1, got ${value}`);
}

function assertWhole(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new Error(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

function assertMs(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be zero or more milliseconds, got ${value}`);
}

/** Throws a plain error for a switch out of range (tests and the CLI pass user input). */
export function validateBehaviour(b: RealBehaviour): RealBehaviour {
  if (b.answerCap !== null) assertWhole("answerCap", b.answerCap, 1);
  assertWhole("bannerThreshold", b.bannerThreshold, 1);
  assertMs("firstByteDelay.baseMs", b.firstByteDelay.baseMs);
  assertMs("firstByteDelay.perRowMs", b.firstByteDelay.perRowMs);
  if (b.databaseTimeoutMs !== null) assertMs("databaseTimeoutMs", b.databaseTimeoutMs);
  assertShare("oddCells.share", b.oddCells.share);
  assertShare("transientNoMatch.share", b.transientNoMatch.share);
  assertWhole("transientNoMatch.times", b.transientNoMatch.times, 0);
  if (b.allWithoutScheme !== "no-match" && b.allWithoutScheme !== "ignored") {
    throw new Error(`allWithoutScheme must be "no-match" or "ignored", got ${String(b.allWithoutScheme)}`);
  }
  if (b.outage !== null) {
    assertMs("outage.startAfterMs", b.outage.startAfterMs);
    assertMs("outage.durationMs", b.outage.durationMs);
    if (b.outage.error !== undefined && b.outage.error !== "network" && b.outage.error !== "pool") {
      throw new Error(`outage.error must be "network" or "pool", got ${String(b.outage.error)}`);
    }
  }
  return b;
}

/** The live, mutable switches of a simulator: the profile's values with the given overrides. */
export function resolveBehaviour(profile: SimulatorProfile, overrides: Partial<RealBehaviour> = {}): RealBehaviour {
  if (!SIMULATOR_PROFILES.includes(profile)) throw new Error(`profile must be "default" or "real", got ${String(profile)}`);
  const base = profile === "real" ? REAL_PROFILE_DEFAULTS : DEFAULT_PROFILE_BEHAVIOUR;
  const merged: RealBehaviour = {
    ...base,
    ...overrides,
    firstByteDelay: { ...base.firstByteDelay, ...overrides.firstByteDelay },
    oddCells: { ...base.oddCells, ...overrides.oddCells },
    transientNoMatch: { ...base.transientNoMatch, ...overrides.transientNoMatch },
    outage: overrides.outage === undefined ? base.outage : overrides.outage === null ? null : { ...overrides.outage },
  };
  return validateBehaviour(merged);
}
