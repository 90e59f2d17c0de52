import type { Database } from "@/lib/db/client";
import type { TitleType } from "@/lib/generated/prisma/enums";
import { normaliseRow } from "./normalise-row";
import { readAnswer, rowKey } from "./read-answer";
import type { SiteClient } from "./site-client";
import { searchResultPath } from "./site-urls";
import { storeRecoveredRows } from "./store/store-recovered-rows";

// Before a run marks anything removed, each candidate (a live row of the run's scope that the run
// did not see) is asked for by its own rate number. Removals are few, so this is cheap, and it
// turns "the suburb's answer lacked it" into "the site does not list it". A candidate the site
// still lists is stored as seen (recovered), under the suburb it had. A row without a rate number
// cannot be asked for by one; its suburb's answer of this run already lacked it.

export type RemovalScope = {
  runId: number;
  roll: string;
  titleTypes: TitleType[];
  /** null: the whole roll for these title types. */
  suburbIds: string[] | null;
  exceptSuburbIds: string[];
};

export type RemovalCheck = { candidates: number; stillListed: number; tooMany: boolean };

/** More candidates than this is not a roll losing properties but a run that missed them. */
export const REMOVAL_CHECKS_MAX = 5_000;

type Candidate = { rate_number: string; title_type: TitleType; suburb_id: string; suburb_name: string };

export async function confirmRemovals(db: Database, client: SiteClient, scope: RemovalScope, signal: AbortSignal): Promise<RemovalCheck> {
  const { rows: candidates } = await db.pool.query<Candidate>(
    `SELECT rate_number, title_type, suburb_id, suburb_name FROM valuations
      WHERE roll = $1 AND title_type = ANY($2::title_type[])
        AND ($3::text[] IS NULL OR suburb_id = ANY($3::text[]))
        AND NOT (suburb_id = ANY($4::text[]))
        AND last_seen_run_id <> $5 AND removed_at IS NULL
      ORDER BY title_type, rate_number
      LIMIT $6`,
    [scope.roll, scope.titleTypes, scope.suburbIds, scope.exceptSuburbIds, scope.runId, REMOVAL_CHECKS_MAX + 1],
  );
  if (candidates.length > REMOVAL_CHECKS_MAX) return { candidates: candidates.length, stillListed: 0, tooMany: true };
  let stillListed = 0;
  for (const candidate of candidates) {
    if (signal.aborted) throw signal.reason as Error;
    if (candidate.rate_number.startsWith("PIN:")) continue;
    const answer = await readAnswer(client, searchResultPath({ titleType: candidate.title_type, rateNumber: candidate.rate_number }));
    const row = answer.rows.find((found) => rowKey(found) === candidate.rate_number);
    if (!row) continue;
    const context = { roll: scope.roll, titleType: candidate.title_type, suburbId: candidate.suburb_id, suburbName: candidate.suburb_name };
    await storeRecoveredRows(db, { runId: scope.runId, roll: scope.roll, titleType: candidate.title_type, rows: [normaliseRow(row, context)] });
    stillListed += 1;
  }
  return { candidates: candidates.length, stillListed, tooMany: false };
}
