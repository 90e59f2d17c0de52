import type { Database } from "@/lib/db/client";
import type { TitleType } from "@/lib/generated/prisma/enums";
import type { Logger } from "@/lib/log";
import { normaliseRow, type NormalisedValuation } from "./normalise-row";
import type { ResultRow } from "./parse-results";
import { provesComplete, readAnswer, rowKey, type Answer } from "./read-answer";
import { SiteError, type SiteClient } from "./site-client";
import { VOLUME_NUMBERS, searchResultPath, type ResultQuery } from "./site-urls";
import { openCrossCheckKeys, type CrossCheckKeys, type StoredPlace } from "./store/cross-check-keys";
import { storeRecoveredRows } from "./store/store-recovered-rows";

// The independent whole-roll cross-check. The suburb pass read the roll as roll × title × suburb;
// this reads it again through another partition, VolumeNo 01–89, and compares the two sets of
// (title type, rate number):
// - a row a volume lists that the suburb pass did not store is recovered: its suburb is found by a
//   targeted query (Suburb=S&VolumeNo=V&RateNumber=R) over a few candidates (where the roll had it
//   before, the suburbs of its rate-number neighbours in the volume, a suburb named like its
//   address's locality or the suburb it starts with, then the suburbs holding most of that
//   volume's rows), at most six; a row
//   no candidate confirms is "unplaced" (not stored) and the passes disagree;
// - a row the suburb pass stored that no volume lists is looked at again: a bannered volume
//   (unverified: it may be capped) is split into volume × suburb for the suburbs of those rows
//   only; whatever is still missing gets a targeted RateNumber= query before the volume is
//   believed. A row no look finds is "unconfirmed" and the passes disagree. A volume the site
//   cannot answer whole (HTTP 500: its database gives up on big answers) is treated as bannered.
// The passes agree when nothing is unplaced, unconfirmed, or in a piece still bannered after the
// split. Residual assumption, stated: a row both passes miss (the suburb pass only under a fault
// it did not notice, and the volume answer only past a cap) is not found.

export type CrossCheckPolicy = "auto" | "always" | "never";

export type CrossCheckResult = {
  ran: boolean;
  /** Why it ran or was skipped, in words. */
  reason: string;
  /** null when it did not run. */
  agreed: boolean | null;
  piecesFetched: number;
  rowsVerified: number;
  rowsRecovered: number;
  /** Suburb-pass rows no volume listed but a targeted RateNumber= query found. */
  confirmedByRateNumber: number;
  unconfirmed: number;
  unplaced: number;
  /** Pieces still bannered after splitting ("full volume 07 × suburb 22136"). */
  unsplittable: string[];
  /** A few keys of unconfirmed and unplaced rows, for the run page. */
  examples: string[];
};

export type CrossCheckInput = {
  db: Database;
  client: SiteClient;
  run: { id: number; roll: string };
  titleTypes: TitleType[];
  /** The suburbs the run planned (the site's own list), per title type. */
  suburbs: { titleType: TitleType; suburbId: string; suburbName: string }[];
  signal: AbortSignal;
  log: Logger;
  reason: string;
};

/** Rows no volume listed that get a RateNumber= query each; beyond this the passes disagree. */
export const TARGETED_LOOKS_MAX = 500;
const CANDIDATES_MAX = 6;
const EXAMPLES_MAX = 10;

export function skippedCrossCheck(reason: string): CrossCheckResult {
  return { ran: false, reason, agreed: null, piecesFetched: 0, rowsVerified: 0, rowsRecovered: 0, confirmedByRateNumber: 0, unconfirmed: 0, unplaced: 0, unsplittable: [], examples: [] };
}

export async function crossCheckVolumes(input: CrossCheckInput): Promise<CrossCheckResult> {
  const result: CrossCheckResult = { ...skippedCrossCheck(input.reason), ran: true };
  const keys = await openCrossCheckKeys(input.db.pool, { roll: input.run.roll, runId: input.run.id });
  try {
    for (const titleType of input.titleTypes) {
      if (input.signal.aborted) throw input.signal.reason as Error;
      await crossCheckTitle(input, titleType, keys, result);
    }
  } finally {
    await keys.close();
  }
  result.agreed = result.unconfirmed === 0 && result.unplaced === 0 && result.unsplittable.length === 0;
  return result;
}

async function crossCheckTitle(input: CrossCheckInput, titleType: TitleType, keys: CrossCheckKeys, result: CrossCheckResult): Promise<void> {
  const { client, log } = input;
  const suburbs = input.suburbs.filter((suburb) => suburb.titleType === titleType);
  const names = new Map(suburbs.map((suburb) => [suburb.suburbId, suburb.suburbName]));
  const recoveredBefore = result.rowsRecovered;
  const unconfirmedBefore = result.unconfirmed;
  const read = async (query: ResultQuery) => {
    result.piecesFetched += 1;
    return readAnswer(client, searchResultPath(query));
  };
  const recover = async (rows: NormalisedValuation[]) => {
    await storeRecoveredRows(input.db, { runId: input.run.id, roll: input.run.roll, titleType, rows });
    result.rowsRecovered += rows.length;
  };

  // 1. The roll by volume.
  const bannered: string[] = [];
  const strays: Stray[] = [];
  for (const volumeNo of VOLUME_NUMBERS) {
    if (input.signal.aborted) throw input.signal.reason as Error;
    let answer: Answer;
    try {
      answer = await read({ titleType, volumeNo });
    } catch (error) {
      // The site's database gives up on a big answer (HTTP 500 while other pages answer): the
      // volume is read in pieces where the passes differ, as a bannered one is.
      if (!(error instanceof SiteError) || error.status === null || error.status < 500 || input.signal.aborted) throw error;
      log.warn("a volume of the roll could not be read whole; it is split where needed", { titleType, volumeNo, error: error.message });
      bannered.push(volumeNo);
      continue;
    }
    if (!answer.noMatch && !provesComplete(answer)) bannered.push(volumeNo);
    const rows = [...answer.rows].sort((a, b) => compareKeys(rowKey(a), rowKey(b)));
    const missing = new Set(await keys.add(titleType, rows.map(rowKey)));
    if (missing.size === 0) continue;
    const volumeSuburbs = await suburbsByFrequency(keys, titleType, rows.map(rowKey).filter((key) => !missing.has(key)));
    rows.forEach((row, index) => {
      if (!missing.has(rowKey(row))) return;
      strays.push({ row, volumeNo, neighbours: nearestKnown(rows, index, missing), volumeSuburbs });
    });
  }

  // 2. Rows only the volumes listed: find each one's suburb, then store it.
  if (strays.length > 0) {
    const places = await keys.placesOf(titleType, strays.flatMap((stray) => [rowKey(stray.row), ...stray.neighbours]));
    const placeOf = new Map(places.map((place) => [place.rateNumber, place]));
    const placed: NormalisedValuation[] = [];
    for (const stray of strays) {
      const suburbId = await placeStray(stray, titleType, placeOf, suburbs, read);
      if (suburbId === null) {
        result.unplaced += 1;
        addExample(result, `${titleType} ${rowKey(stray.row)} (volume ${stray.volumeNo}): listed by its volume, in no suburb`);
        continue;
      }
      const suburbName = names.get(suburbId) ?? placeOf.get(rowKey(stray.row))?.suburbName ?? "";
      placed.push(normaliseRow(stray.row, { roll: input.run.roll, titleType, suburbId, suburbName }));
    }
    await recover(placed);
    log.info("cross-check recovered rows the suburb pass did not see", { titleType, rows: placed.length });
  }

  // 3. Rows only the suburb pass stored: split the bannered volumes by their suburbs, then look each up.
  let lacking = await keys.lacking(titleType, TARGETED_LOOKS_MAX + 1);
  if (lacking.length > 0 && bannered.length > 0) {
    const lackingSuburbs = [...new Set(lacking.map((place) => place.suburbId))];
    for (const volumeNo of bannered) {
      for (const suburbId of lackingSuburbs) {
        const answer = await read({ titleType, volumeNo, suburbId });
        if (!answer.noMatch && !provesComplete(answer)) result.unsplittable.push(`${titleType} volume ${volumeNo} × suburb ${suburbId}`);
        const missing = new Set(await keys.add(titleType, answer.rows.map(rowKey)));
        const rows = answer.rows.filter((row) => missing.has(rowKey(row)));
        await recover(rows.map((row) => normaliseRow(row, { roll: input.run.roll, titleType, suburbId, suburbName: names.get(suburbId) ?? "" })));
      }
    }
    lacking = await keys.lacking(titleType, TARGETED_LOOKS_MAX + 1);
  }
  if (lacking.length > TARGETED_LOOKS_MAX) {
    result.unconfirmed += lacking.length;
    addExample(result, `${titleType}: more than ${TARGETED_LOOKS_MAX} rows of the suburb pass are in no volume`);
  } else {
    for (const place of lacking) {
      if (await listedByRateNumber(place, titleType, read)) {
        result.confirmedByRateNumber += 1;
        await keys.add(titleType, [place.rateNumber]);
      } else {
        result.unconfirmed += 1;
        addExample(result, `${titleType} ${place.rateNumber} (${place.suburbName}): stored by the suburb pass, listed by no volume nor by its rate number`);
      }
    }
  }
  // Verified: in both passes (rows of this run neither recovered by the volumes nor unconfirmed).
  const inRun = await keys.rowsInRun(titleType);
  result.rowsVerified += Math.max(0, inRun - (result.rowsRecovered - recoveredBefore) - (result.unconfirmed - unconfirmedBefore));
}

type Stray = { row: ResultRow; volumeNo: string; neighbours: string[]; volumeSuburbs: string[] };

/** The suburbs the suburb pass found this volume's rows in, most rows first. */
async function suburbsByFrequency(keys: CrossCheckKeys, titleType: TitleType, known: string[]): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const place of await keys.placesOf(titleType, known)) counts.set(place.suburbId, (counts.get(place.suburbId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([suburbId]) => suburbId);
}

/** The stored keys nearest a stray row in rate-number order (the roll numbers a street in order). */
function nearestKnown(rows: readonly ResultRow[], index: number, missing: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const step of [-1, 1]) {
    for (let i = index + step; i >= 0 && i < rows.length; i += step) {
      const key = rowKey(rows[i]!);
      if (!missing.has(key)) {
        found.push(key);
        break;
      }
    }
  }
  return found;
}

async function placeStray(
  stray: Stray,
  titleType: TitleType,
  placeOf: ReadonlyMap<string, StoredPlace>,
  suburbs: readonly { suburbId: string; suburbName: string }[],
  read: (query: ResultQuery) => Promise<{ rows: ResultRow[] }>,
): Promise<string | null> {
  const key = rowKey(stray.row);
  const locality = (stray.row.cells.address.split(",").pop() ?? "").trim().toUpperCase();
  const candidates = [
    placeOf.get(key)?.suburbId,
    ...stray.neighbours.map((neighbour) => placeOf.get(neighbour)?.suburbId),
    suburbNamedLike(locality, suburbs),
    ...stray.volumeSuburbs,
  ].filter((id): id is string => id !== undefined);
  for (const suburbId of [...new Set(candidates)].slice(0, CANDIDATES_MAX)) {
    const answer = await read({ titleType, suburbId, volumeNo: stray.volumeNo, rateNumber: stray.row.cells.rateNumber });
    if (answer.rows.some((row) => rowKey(row) === key)) return suburbId;
  }
  return null;
}

/** The suburb named as the locality, else the longest suburb name it starts with ("X RURAL" is in X). */
export function suburbNamedLike(locality: string, suburbs: readonly { suburbId: string; suburbName: string }[]): string | undefined {
  if (locality === "") return undefined;
  const exact = suburbs.find((suburb) => suburb.suburbName.toUpperCase() === locality);
  if (exact) return exact.suburbId;
  const prefixes = suburbs.filter((suburb) => locality.startsWith(`${suburb.suburbName.toUpperCase()} `));
  return prefixes.sort((a, b) => b.suburbName.length - a.suburbName.length)[0]?.suburbId;
}

async function listedByRateNumber(
  place: StoredPlace,
  titleType: TitleType,
  read: (query: ResultQuery) => Promise<{ rows: ResultRow[] }>,
): Promise<boolean> {
  // A row without a rate number cannot be asked for by one; its suburb is asked instead.
  const query = place.rateNumber.startsWith("PIN:")
    ? { titleType, suburbId: place.suburbId }
    : { titleType, rateNumber: place.rateNumber };
  const answer = await read(query);
  return answer.rows.some((row) => rowKey(row) === place.rateNumber);
}

function addExample(result: CrossCheckResult, example: string): void {
  if (result.examples.length < EXAMPLES_MAX) result.examples.push(example);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
