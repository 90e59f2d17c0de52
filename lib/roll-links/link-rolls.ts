import { erfKey, parcelKey, parseParcel, type FullTitleParcel, type Parcel } from "./legal-key";

// Links the properties of an older roll to those of a newer one, from their title types, rate
// numbers and legal descriptions alone (pure: the caller loads the rows and stores the links).
//
// In order, each step only among the rows the steps before it left unlinked:
// 1. rate-number: same title type and rate number, unless both legal descriptions parse and name
//    different parcels (then the rate number may have been reused, or the parcel subdivided).
// 2. legal-description: the same parcel under another rate number, where the parcel is on each
//    roll once.
// 3. subdivision / consolidation: on one erf, one parcel of the older roll and the pieces of the
//    newer that can have been cut out of it (its remainder, portions), or the other way round
//    (pieces joined into the whole erf).
// 4. rate-number again: same title type and rate number with different descriptions, where
//    nothing better was found (a description corrected or rewritten between rolls).
// 5. By address, among what is still unlinked (the descriptions cannot tell):
//    - scheme: a scheme new on the newer roll (no unit of it on the older) and the one erf of the
//      older roll at its units' address (suburb, street number and name): the erf it was built on;
//    - consolidation: two or more erven of the older roll and one whole erf of the newer, in one
//      suburb and township on one street, where the new erf has one of their street numbers or
//      about their total extent.
// What is left is gone (older roll) or new (newer roll).

export type TitleType = "full" | "sectional";
export type RollRow = {
  titleType: TitleType;
  rateNumber: string;
  legalDescription: string;
  /** For step 5 (by address); a row without them is never linked by address. */
  suburbId?: string;
  streetNumber?: string | null;
  streetName?: string | null;
  /** Square metres. */
  extent?: number | null;
};
export type RowKey = { titleType: TitleType; rateNumber: string };
export const LINK_METHODS = ["rate-number", "legal-description", "subdivision", "consolidation", "scheme"] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];
export type RollLinkPair = { from: RowKey; to: RowKey; method: LinkMethod };
export type Linking = { links: RollLinkPair[]; gone: RowKey[]; added: RowKey[] };

// One per row; a roll has up to a million, so only the parcel's key is kept, and the parcel itself
// is parsed again (once) for the few rows still unlinked after the first two steps.
type Entry = { row: RollRow; parcelKey: string | null; parcel?: Parcel | null; linked: boolean };

function entries(rows: readonly RollRow[]): Entry[] {
  return rows.map((row) => {
    const parcel = parseParcel(row.legalDescription);
    return { row, parcelKey: parcel === null ? null : parcelKey(parcel), linked: false };
  });
}

const keyOf = (entry: Entry): RowKey => ({ titleType: entry.row.titleType, rateNumber: entry.row.rateNumber });

function parcelOf(entry: Entry): Parcel | null {
  if (entry.parcel === undefined) entry.parcel = parseParcel(entry.row.legalDescription);
  return entry.parcel;
}

/** The scheme of a sectional row, read from its parcel key ("S|scheme|section"). */
function schemeOf(entry: Entry): string | null {
  const key = entry.parcelKey;
  return key !== null && key.startsWith("S|") ? key.slice(2, key.lastIndexOf("|")) : null;
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function fullTitle(entry: Entry): FullTitleParcel | null {
  if (entry.parcelKey === null || !entry.parcelKey.startsWith("F|")) return null;
  const parcel = parcelOf(entry);
  return parcel?.kind === "full" ? parcel : null;
}
const isWholeErf = (parcel: FullTitleParcel) => parcel.portion === null && !parcel.isRemainder;

/** Whether `piece` can have been cut out of `whole` (both on one erf). */
function isPartOf(piece: FullTitleParcel, whole: FullTitleParcel): boolean {
  if (isWholeErf(whole)) return !isWholeErf(piece);
  // A remainder cut again: new portions of the erf (the remainder has no remainder of its own).
  if (whole.isRemainder) return piece.portion !== null && !piece.isRemainder && piece.portion !== whole.portion;
  // A portion cut again: its remainder, and new portions of the erf.
  return piece.portion === whole.portion ? piece.isRemainder : piece.portion !== null;
}

/**
 * Whether `pieces` can be what `whole` was cut into (or joined from). A single new portion is not
 * enough: an erf number can recur by chance, so a whole erf needs its remainder among the pieces
 * or two pieces or more, a portion its own remainder, and a remainder two new portions or more.
 */
function isCutInto(whole: FullTitleParcel, pieces: FullTitleParcel[]): boolean {
  if (!pieces.every((piece) => isPartOf(piece, whole))) return false;
  if (isWholeErf(whole)) return pieces.length >= 2 || pieces.some((piece) => piece.isRemainder);
  if (whole.isRemainder) return pieces.length >= 2;
  return pieces.some((piece) => piece.portion === whole.portion && piece.isRemainder);
}

export function linkRolls(fromRows: readonly RollRow[], toRows: readonly RollRow[]): Linking {
  const from = entries(fromRows);
  const to = entries(toRows);
  const links: RollLinkPair[] = [];
  const link = (a: Entry, b: Entry, method: LinkMethod) => {
    links.push({ from: keyOf(a), to: keyOf(b), method });
    a.linked = true;
    b.linked = true;
  };

  // 1. Same rate number, descriptions agreeing (or one unreadable).
  const toByRate = { full: new Map<string, Entry>(), sectional: new Map<string, Entry>() };
  for (const entry of to) toByRate[entry.row.titleType].set(entry.row.rateNumber, entry);
  const differing: [Entry, Entry][] = [];
  for (const a of from) {
    const b = toByRate[a.row.titleType].get(a.row.rateNumber);
    if (!b) continue;
    if (a.parcelKey === null || b.parcelKey === null || a.parcelKey === b.parcelKey) link(a, b, "rate-number");
    else differing.push([a, b]);
  }

  // 2. Same parcel, once on each roll.
  const toByParcel = groupBy(
    to.filter((entry) => !entry.linked),
    (entry) => entry.parcelKey,
  );
  for (const [key, fromGroup] of groupBy(
    from.filter((entry) => !entry.linked),
    (entry) => entry.parcelKey,
  )) {
    const toGroup = toByParcel.get(key);
    const a = fromGroup[0];
    const b = toGroup?.[0];
    if (fromGroup.length === 1 && toGroup?.length === 1 && a && b) link(a, b, "legal-description");
  }

  // 3. Cut up or joined on one erf.
  const erfOf = (entry: Entry) => {
    const parcel = entry.linked ? null : fullTitle(entry);
    return parcel === null ? null : erfKey(parcel);
  };
  const toByErf = groupBy(to, erfOf);
  for (const [key, fromGroup] of groupBy(from, erfOf)) {
    const toGroup = toByErf.get(key) ?? [];
    const [a] = fromGroup;
    const [b] = toGroup;
    if (!a || !b) continue;
    if (fromGroup.length === 1 && isCutInto(fullTitle(a)!, toGroup.map((piece) => fullTitle(piece)!)) && extentsAgree(a, toGroup, SPLIT_TOLERANCE)) {
      for (const piece of toGroup) link(a, piece, "subdivision");
    } else if (toGroup.length === 1 && isCutInto(fullTitle(b)!, fromGroup.map((piece) => fullTitle(piece)!)) && extentsAgree(b, fromGroup, SPLIT_TOLERANCE)) {
      for (const piece of fromGroup) link(piece, b, "consolidation");
    }
  }

  // 4. Same rate number, another description, nothing better found.
  for (const [a, b] of differing) if (!a.linked && !b.linked) link(a, b, "rate-number");

  // 5. By address.
  linkSchemesToErven(from, to, link);
  linkConsolidatedErven(from, to, link);

  return {
    links,
    gone: from.filter((entry) => !entry.linked).map(keyOf),
    added: to.filter((entry) => !entry.linked).map(keyOf),
  };
}

/** Suburb and street (with or without the number); null without a street name. */
function streetKey(row: RollRow, withNumber: boolean): string | null {
  if (row.suburbId === undefined || !row.streetName) return null;
  return `${row.suburbId}|${withNumber ? (row.streetNumber ?? "") : ""}|${row.streetName.toUpperCase()}`;
}

type Link = (a: Entry, b: Entry, method: LinkMethod) => void;

function linkSchemesToErven(from: Entry[], to: Entry[], link: Link): void {
  const olderSchemes = new Set(from.map(schemeOf));
  const erfAt = groupBy(
    from.filter((entry) => !entry.linked && fullTitle(entry) !== null),
    (entry) => streetKey(entry.row, true),
  );
  const candidates = new Set(to.filter((entry) => !entry.linked).map(schemeOf));
  for (const [scheme, units] of groupBy(to, (entry) => {
    const scheme = schemeOf(entry);
    return scheme !== null && candidates.has(scheme) ? scheme : null;
  })) {
    if (olderSchemes.has(scheme) || units.some((unit) => unit.linked)) continue;
    const addresses = new Set(units.map((unit) => streetKey(unit.row, true)));
    const [address] = addresses;
    if (addresses.size !== 1 || !address) continue;
    const erven = erfAt.get(address) ?? [];
    const [erf] = erven;
    if (erven.length === 1 && erf && !erf.linked) for (const unit of units) link(erf, unit, "scheme");
  }
}

/** Pieces of a split or join found from the description: their extents may differ a little (roads, surveys). */
const SPLIT_TOLERANCE = 0.1;
/** Pieces found by address only: their extents must add up closely. */
const JOIN_TOLERANCE = 0.02;
const MAX_JOINED = 4;

/** Whether the pieces' extents add up to the whole's (true when any extent is unknown: no evidence against). */
function extentsAgree(whole: Entry, pieces: readonly Entry[], tolerance: number): boolean {
  const total = pieces.reduce((sum, piece) => sum + (piece.row.extent ?? Number.NaN), 0);
  const extent = whole.row.extent ?? Number.NaN;
  if (Number.isNaN(total) || Number.isNaN(extent)) return true;
  return Math.abs(total - extent) <= tolerance * extent;
}

/** The one set of 2 to MAX_JOINED pieces whose extents add up to the whole's, or null (none, or more than one). */
function uniqueExtentMatch(whole: Entry, pieces: readonly Entry[]): Entry[] | null {
  if (whole.row.extent == null || pieces.length > 8) return null;
  const known = pieces.filter((piece) => piece.row.extent != null);
  let found: Entry[] | null = null;
  for (let mask = 1; mask < 1 << known.length; mask++) {
    const subset = known.filter((_, i) => mask & (1 << i));
    if (subset.length < 2 || subset.length > MAX_JOINED || !extentsAgree(whole, subset, JOIN_TOLERANCE)) continue;
    if (found) return null;
    found = subset;
  }
  return found;
}

function linkConsolidatedErven(from: Entry[], to: Entry[], link: Link): void {
  const streetOf = (entry: Entry) => {
    const parcel = entry.linked ? null : fullTitle(entry);
    const street = parcel === null ? null : streetKey(entry.row, false);
    return parcel === null || street === null ? null : `${street}|${parcel.township}`;
  };
  const joined = groupBy(to, streetOf);
  for (const [street, pieces] of groupBy(from, streetOf)) {
    const results = joined.get(street) ?? [];
    for (const result of results) {
      const free = pieces.filter((piece) => !piece.linked);
      const byExtent = uniqueExtentMatch(result, free);
      const byNumber =
        results.length === 1 && free.length >= 2 && free.length <= MAX_JOINED && free.some((piece) => piece.row.streetNumber && piece.row.streetNumber === result.row.streetNumber)
          ? free
          : null;
      for (const piece of byExtent ?? byNumber ?? []) link(piece, result, "consolidation");
    }
  }
  linkGrownErven(from, to, link);
}

/** How much bigger than an erf at its address a new erf must be to count as the erf joined with others. */
const GROWN = 1.5;

/**
 * The one erf of the older roll at a new erf's exact address (suburb, number, street), in its
 * township, where the new erf is much bigger: the erf joined with others (whose own addresses,
 * elsewhere, leave them gone).
 */
function linkGrownErven(from: Entry[], to: Entry[], link: Link): void {
  const addressOf = (entry: Entry) => {
    const parcel = entry.linked || !entry.row.streetNumber ? null : fullTitle(entry);
    const address = parcel === null ? null : streetKey(entry.row, true);
    return parcel === null || address === null ? null : `${address}|${parcel.township}`;
  };
  const olderAt = groupBy(from, addressOf);
  for (const [address, results] of groupBy(to, addressOf)) {
    const pieces = olderAt.get(address) ?? [];
    const [piece] = pieces;
    const [result] = results;
    if (results.length !== 1 || pieces.length !== 1 || !piece || !result) continue;
    if (piece.row.extent != null && result.row.extent != null && result.row.extent >= GROWN * piece.row.extent) link(piece, result, "consolidation");
  }
}
