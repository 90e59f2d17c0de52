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
// What is left is gone (older roll) or new (newer roll). An erf cut into sectional title units
// (a scheme) names no erf in its sections' descriptions, so it is gone and its sections are new.

export type TitleType = "full" | "sectional";
export type RollRow = { titleType: TitleType; rateNumber: string; legalDescription: string };
export type RowKey = { titleType: TitleType; rateNumber: string };
export const LINK_METHODS = ["rate-number", "legal-description", "subdivision", "consolidation"] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];
export type RollLinkPair = { from: RowKey; to: RowKey; method: LinkMethod };
export type Linking = { links: RollLinkPair[]; gone: RowKey[]; added: RowKey[] };

type Entry = { key: RowKey; id: string; parcel: Parcel | null; parcelKey: string | null; linked: boolean };

function entries(rows: readonly RollRow[]): Entry[] {
  return rows.map((row) => {
    const parcel = parseParcel(row.legalDescription);
    return {
      key: { titleType: row.titleType, rateNumber: row.rateNumber },
      id: `${row.titleType}:${row.rateNumber}`,
      parcel,
      parcelKey: parcel === null ? null : parcelKey(parcel),
      linked: false,
    };
  });
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

const fullTitle = (entry: Entry): FullTitleParcel | null => (entry.parcel?.kind === "full" ? entry.parcel : null);
const isWholeErf = (parcel: FullTitleParcel) => parcel.portion === null && !parcel.isRemainder;

/** Whether `piece` can have been cut out of `whole` (both on one erf). */
function isPartOf(piece: FullTitleParcel, whole: FullTitleParcel): boolean {
  if (isWholeErf(whole)) return !isWholeErf(piece);
  // A portion cut again: its remainder, and new portions of the erf.
  if (whole.portion !== null && !whole.isRemainder) return piece.portion === whole.portion ? piece.isRemainder : piece.portion !== null;
  return false;
}

/** Whether `pieces` can be what `whole` was cut into (or joined from): a portion's own remainder must be among them. */
function isCutInto(whole: FullTitleParcel, pieces: FullTitleParcel[]): boolean {
  if (!pieces.every((piece) => isPartOf(piece, whole))) return false;
  return isWholeErf(whole) || pieces.some((piece) => piece.portion === whole.portion && piece.isRemainder);
}

export function linkRolls(fromRows: readonly RollRow[], toRows: readonly RollRow[]): Linking {
  const from = entries(fromRows);
  const to = entries(toRows);
  const links: RollLinkPair[] = [];
  const link = (a: Entry, b: Entry, method: LinkMethod) => {
    links.push({ from: a.key, to: b.key, method });
    a.linked = true;
    b.linked = true;
  };

  // 1. Same rate number, descriptions agreeing (or one unreadable).
  const toById = new Map(to.map((entry) => [entry.id, entry]));
  const differing: [Entry, Entry][] = [];
  for (const a of from) {
    const b = toById.get(a.id);
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
    const parcel = fullTitle(entry);
    return parcel === null || entry.linked ? null : erfKey(parcel);
  };
  const toByErf = groupBy(to, erfOf);
  for (const [key, fromGroup] of groupBy(from, erfOf)) {
    const toGroup = toByErf.get(key) ?? [];
    const [a] = fromGroup;
    const [b] = toGroup;
    if (!a || !b) continue;
    if (fromGroup.length === 1 && isCutInto(fullTitle(a)!, toGroup.map((piece) => fullTitle(piece)!))) {
      for (const piece of toGroup) link(a, piece, "subdivision");
    } else if (toGroup.length === 1 && isCutInto(fullTitle(b)!, fromGroup.map((piece) => fullTitle(piece)!))) {
      for (const piece of fromGroup) link(piece, b, "consolidation");
    }
  }

  // 4. Same rate number, another description, nothing better found.
  for (const [a, b] of differing) if (!a.linked && !b.linked) link(a, b, "rate-number");

  return {
    links,
    gone: from.filter((entry) => !entry.linked).map((entry) => entry.key),
    added: to.filter((entry) => !entry.linked).map((entry) => entry.key),
  };
}
