import type { Database } from "@/lib/db/client";
import { retryOnDisconnect } from "@/lib/db/retry-on-disconnect";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { linkAfterScrape } from "@/lib/roll-links/link-roll-pair";
import { confirmRemovals } from "./confirm-removals";
import { crossCheckVolumes, skippedCrossCheck, type CrossCheckPolicy, type CrossCheckResult } from "./cross-check-volumes";
import type { ScrapeOptions } from "./scrape-options";
import type { SiteClient } from "./site-client";
import { applyRemovals } from "./store/apply-removals";
import { recordWarning } from "./record-pause";
import { finishRun, lastAgreedCrossCheck, recordCrossCheck, unverifiedTasks } from "./store/runs";

// The end of a run whose every task is stored: prove the roll complete, then (only then) mark
// what vanished as removed. A run is complete when no suburb answer is left unverified (a banner
// that volumes could not split), the cross-check (when it ran) agreed, and every removal candidate
// was confirmed gone by its own rate number. Otherwise the run still succeeds (its rows are stored)
// but is incomplete: nothing is marked removed and the reason is recorded as a warning.

export type Completion = {
  complete: boolean;
  incomplete: string | null;
  rowsRemoved: number;
  crossCheck: CrossCheckResult;
  run: ScrapeRun;
};

/** When the cross-check runs. auto: on a whole-roll run when no agreed one is younger than `days`. */
export function decideCrossCheck(
  policy: CrossCheckPolicy,
  days: number,
  wholeRoll: boolean,
  lastAgreed: { runId: number; finishedAt: Date } | null,
  now: Date,
): { run: boolean; reason: string } {
  if (!wholeRoll) return { run: false, reason: "not a whole-roll run" };
  if (policy === "never") return { run: false, reason: "--cross-check never" };
  if (policy === "always") return { run: true, reason: "--cross-check always" };
  if (!lastAgreed) return { run: true, reason: "no agreed cross-check yet" };
  const ageDays = (now.getTime() - lastAgreed.finishedAt.getTime()) / 86_400_000;
  if (ageDays >= days) return { run: true, reason: `the last agreed cross-check (run #${lastAgreed.runId}) is ${Math.floor(ageDays)} days old` };
  return { run: false, reason: `run #${lastAgreed.runId} cross-checked the roll ${ageDays < 1 ? "less than a day" : `${Math.floor(ageDays)} days`} ago (every ${days} days)` };
}

export async function completeRun(input: {
  db: Database;
  client: SiteClient;
  run: ScrapeRun;
  options: ScrapeOptions;
  anomalySuburbIds: string[];
  signal: AbortSignal;
  log: Logger;
}): Promise<Completion> {
  const { db, client, run, options, log } = input;
  const retry = { onRetry: (error: Error) => log.warn("database unavailable; waiting", { error: error.message }) };

  const decision = decideCrossCheck(options.crossCheck, options.crossCheckDays, run.wholeRoll, await lastAgreedCrossCheck(db, run.roll, run.id), new Date());
  let crossCheck: CrossCheckResult;
  if (decision.run) {
    log.info("cross-checking the roll by volume", { reason: decision.reason });
    const suburbs = await db.prisma.scrapeTask.findMany({ where: { runId: run.id }, select: { titleType: true, suburbId: true, suburbName: true } });
    crossCheck = await crossCheckVolumes({ db, client, run, titleTypes: options.titleTypes, suburbs, signal: input.signal, log, reason: decision.reason });
    log.info("cross-check done", { ...crossCheck });
  } else {
    crossCheck = skippedCrossCheck(decision.reason);
  }
  await retryOnDisconnect(() => recordCrossCheck(db, run.id, crossCheck), retry);

  const problems: string[] = [];
  const unverified = await unverifiedTasks(db, run.id);
  if (unverified.length > 0) {
    const names = unverified.slice(0, 5).map((task) => `${task.suburbName} (${task.titleType})`).join(", ");
    problems.push(
      `${unverified.length} suburb answers still carry the site's banner after the split by volume (${names}${unverified.length > 5 ? ", …" : ""}): they cannot be proven complete`,
    );
  }
  if (crossCheck.ran && !crossCheck.agreed) {
    const parts = [
      crossCheck.unconfirmed > 0 ? `${crossCheck.unconfirmed} rows of the suburb pass found by no volume nor by rate number` : "",
      crossCheck.unplaced > 0 ? `${crossCheck.unplaced} rows a volume lists in no suburb` : "",
      crossCheck.unsplittable.length > 0 ? `${crossCheck.unsplittable.length} pieces still bannered (${crossCheck.unsplittable.slice(0, 3).join(", ")})` : "",
    ].filter(Boolean);
    problems.push(`the cross-check by volume disagrees with the suburb pass: ${parts.join("; ")}`);
  }

  let rowsRemoved = 0;
  if (problems.length === 0) {
    const scope = {
      runId: run.id,
      roll: run.roll,
      titleTypes: options.titleTypes,
      suburbIds: options.suburbIds ?? null,
      exceptSuburbIds: input.anomalySuburbIds,
    };
    const check = await confirmRemovals(db, client, scope, input.signal);
    if (check.stillListed > 0) log.warn("removal candidates the site still lists were stored as seen", { rows: check.stillListed });
    if (check.tooMany) {
      problems.push(`more than ${check.candidates - 1} rows would be marked removed, too many to confirm one by one`);
    } else {
      rowsRemoved = await retryOnDisconnect(() => applyRemovals(db.pool, scope), retry);
    }
  }
  const incomplete = problems.length > 0 ? `incomplete: ${problems.join("; ")}; nothing was marked removed` : null;
  if (incomplete) {
    log.warn(incomplete);
    await retryOnDisconnect(() => recordWarning(db, run.id, incomplete), retry);
  }
  // Only a complete reading of the whole roll says what is new on it and what is gone. Linked
  // before the run is finished, so the data version (and every cache on it) moves past the links.
  if (incomplete === null && run.wholeRoll && options.titleTypes.length === 2) await linkAfterScrape(db.pool, run.roll, log);
  const finished = await retryOnDisconnect(() => finishRun(db, run.id, { status: "succeeded", complete: incomplete === null, rowsRemoved }), retry);
  return { complete: incomplete === null, incomplete, rowsRemoved, crossCheck, run: finished };
}
