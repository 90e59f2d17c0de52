import type { TitleType } from "@/lib/generated/prisma/enums";
import { normaliseRow, type NormalisedValuation, type OddCell } from "./normalise-row";
import type { ResultRow } from "./parse-results";
import { IncompleteAnswerError, provesComplete, readAnswer, rowKey, sleep, type Answer } from "./read-answer";
import { SiteError, type SiteClient } from "./site-client";
import { VOLUME_NUMBERS, searchResultPath } from "./site-urls";

// Fetches every row the site lists for one title type in one suburb, and says how that is known:
// - "small": one answer without the banner (see provesComplete for the assumption this rests on);
// - "volumes": the answer carried the banner (or fell short of its caption), so the suburb was
//   re-read volume by volume (VolumeNo 01–89 partitions it); the union must hold every row of the
//   first answer, and rows only the volumes found are counted as recovered;
//   The same when the suburb's own answer keeps failing with a server error while the site answers
//   other pages (the site's database gives up at ~30 s on a big answer): smaller pieces may pass;
// - "empty": "No Match", read again after a delay, and by volume when the suburb had rows before;
// - "unverified": a volume of the suburb still carries the banner and cannot be split further; the
//   rows found are stored, but the run is incomplete and marks nothing removed.

export type SuburbTask = { roll: string; titleType: TitleType; suburbId: string; suburbName: string };
export type Verification = "small" | "volumes" | "empty" | "unverified";
export type SuburbResult = {
  url: string;
  expected: number;
  rows: NormalisedValuation[];
  requests: number;
  verifiedBy: Verification;
  /** Rows that only the volume re-read found. */
  recovered: number;
  oddCells: OddCell[];
  /** Why the suburb could not be verified (verifiedBy "unverified"), else null. */
  unverified: string | null;
};

export type SuburbReadOptions = {
  /**
   * What a first "No Match" gets (the site's database answers empty when it is in trouble): "wait"
   * emptyRecheckMs and read again; "defer": return NO_MATCH_ONCE so the caller reads it again
   * later without holding a fetch slot; "believe": the caller already waited, this read is the
   * second look.
   */
  onFirstNoMatch: "wait" | "defer" | "believe";
  emptyRecheckMs: number;
  /** Whether the roll had live rows in this suburb (asked only after a "No Match"). */
  hadRows: () => Promise<boolean>;
  signal?: AbortSignal;
};

const DEFAULT_READ: SuburbReadOptions = { onFirstNoMatch: "wait", emptyRecheckMs: 0, hadRows: async () => false };

/** fetchSuburb's answer, with onFirstNoMatch "defer", for a suburb that answered "No Match" once. */
export const NO_MATCH_ONCE = Symbol("no match once");

export async function fetchSuburb(client: SiteClient, task: SuburbTask, options?: SuburbReadOptions & { onFirstNoMatch: "wait" | "believe" }): Promise<SuburbResult>;
export async function fetchSuburb(client: SiteClient, task: SuburbTask, options: SuburbReadOptions): Promise<SuburbResult | typeof NO_MATCH_ONCE>;
export async function fetchSuburb(client: SiteClient, task: SuburbTask, options: SuburbReadOptions = DEFAULT_READ): Promise<SuburbResult | typeof NO_MATCH_ONCE> {
  const query = { titleType: task.titleType, suburbId: task.suburbId };
  const path = searchResultPath(query);
  const before = client.requests;
  let first: Answer;
  try {
    first = await readAnswer(client, path);
  } catch (error) {
    if (!tooBigForTheServer(error) || options.signal?.aborted) throw error;
    const byVolume = await readByVolume(client, query, [], options);
    return fromVolumesOnly(task, client.requests - before, path, byVolume);
  }
  if (first.noMatch && options.onFirstNoMatch === "defer") return NO_MATCH_ONCE;
  if (first.noMatch && options.onFirstNoMatch === "wait") {
    await sleep(options.emptyRecheckMs, options.signal);
    first = await readAnswer(client, path);
  }

  let rows = first.rows;
  let verifiedBy: Verification = "small";
  let recovered = 0;
  let unverified: string | null = null;
  if (first.noMatch ? await options.hadRows() : !provesComplete(first)) {
    const byVolume = await readByVolume(client, query, first.rows, options);
    if (first.total > first.rows.length && byVolume.rows.length !== first.total) {
      // A server that truncates but states the true total: the volumes must add up to it.
      throw new IncompleteAnswerError(`the volumes hold ${byVolume.rows.length} rows but the suburb's caption says ${first.total}`);
    }
    recovered = byVolume.rows.length - new Set(first.rows.map(rowKey)).size;
    rows = byVolume.rows;
    verifiedBy = byVolume.unsplittable.length > 0 ? "unverified" : rows.length === 0 ? "empty" : "volumes";
    if (byVolume.unsplittable.length > 0) unverified = unverifiedMessage(task, byVolume.unsplittable);
  } else if (first.noMatch) {
    verifiedBy = "empty";
  }

  return normalised(task, client.requests - before, { url: path, expected: first.total, rows, verifiedBy, recovered, unverified });
}

/** A server error (HTTP 5xx after the client's retries) on the suburb's own answer. */
function tooBigForTheServer(error: unknown): boolean {
  return error instanceof SiteError && error.status !== null && error.status >= 500;
}

/** The suburb's own answer failed; its volumes are all there is. */
function fromVolumesOnly(task: SuburbTask, requests: number, path: string, byVolume: { rows: ResultRow[]; unsplittable: string[] }): SuburbResult {
  const unsplittable = byVolume.unsplittable.length > 0;
  return normalised(task, requests, {
    url: path,
    expected: byVolume.rows.length,
    rows: byVolume.rows,
    verifiedBy: unsplittable ? "unverified" : byVolume.rows.length === 0 ? "empty" : "volumes",
    recovered: 0,
    unverified: unsplittable ? unverifiedMessage(task, byVolume.unsplittable) : null,
  });
}

function normalised(
  task: SuburbTask,
  requests: number,
  read: { url: string; expected: number; rows: ResultRow[]; verifiedBy: Verification; recovered: number; unverified: string | null },
): SuburbResult {
  const context = { roll: task.roll, titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName };
  const oddCells: OddCell[] = [];
  return { ...read, rows: read.rows.map((row) => normaliseRow(row, context, oddCells)), requests, oddCells };
}

function unverifiedMessage(task: SuburbTask, volumes: string[]): string {
  return `${task.suburbName} (${task.titleType}): volume ${volumes.join(", ")} still carries the site's "resource constraints" banner and cannot be split further`;
}

/**
 * Reads a suburb volume by volume and returns the union. Every row of `mustHold` (the suburb's own
 * answer) must be in it: volumes that answered "No Match" are read once more after the delay before
 * that is believed, and a shortfall after that fails the task (nothing incomplete is stored).
 */
async function readByVolume(
  client: SiteClient,
  query: { titleType: TitleType; suburbId: string },
  mustHold: readonly ResultRow[],
  options: SuburbReadOptions,
): Promise<{ rows: ResultRow[]; unsplittable: string[] }> {
  const union = new Map<string, ResultRow>();
  const unsplittable: string[] = [];
  const empty: string[] = [];
  const read = async (volumeNo: string) => {
    const answer = await readAnswer(client, searchResultPath({ ...query, volumeNo }));
    if (answer.noMatch) empty.push(volumeNo);
    else if (!provesComplete(answer)) unsplittable.push(volumeNo);
    for (const row of answer.rows) union.set(rowKey(row), row);
  };
  for (const volumeNo of VOLUME_NUMBERS) await read(volumeNo);
  const missing = () => mustHold.filter((row) => !union.has(rowKey(row))).length;
  if (missing() > 0 && empty.length > 0) {
    await sleep(options.emptyRecheckMs, options.signal);
    for (const volumeNo of empty.splice(0)) await read(volumeNo);
  }
  if (missing() > 0) {
    throw new IncompleteAnswerError(`${missing()} rows of the suburb's own answer are in none of its volumes (read twice)`);
  }
  return { rows: [...union.values()], unsplittable: unsplittable.sort() };
}
