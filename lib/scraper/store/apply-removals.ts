import type { ClientBase, Pool } from "pg";
import type { TitleType } from "@/lib/generated/prisma/enums";
import { displayedForHistory, historyKeepsOwnerNames } from "./owner-history";

// After a complete, verified run: every row in the run's scope that the run did not see is marked
// removed (never deleted) with a change record. Suburbs flagged as anomalies (empty now, rows
// before) are left alone.

export type RemovalScope = {
  runId: number;
  roll: string;
  titleTypes: TitleType[];
  /** null: the whole roll for these title types. */
  suburbIds: string[] | null;
  exceptSuburbIds: string[];
  now?: Date;
  /** The record keeps the owner's name; default: only under OWNER_NAMES=full (owner-history.ts). */
  keepOwnerNames?: boolean;
};

// One statement: the UPDATE and the change records commit together.
export async function applyRemovals(client: ClientBase | Pool, scope: RemovalScope): Promise<number> {
  const { rowCount } = await client.query(
    `WITH gone AS (
       UPDATE valuations SET removed_at = $6, last_changed_at = $6
        WHERE roll = $1
          AND title_type = ANY($2::title_type[])
          AND ($3::text[] IS NULL OR suburb_id = ANY($3::text[]))
          AND NOT (suburb_id = ANY($4::text[]))
          AND last_seen_run_id <> $5
          AND removed_at IS NULL
       RETURNING id, displayed, suburb_id
     )
     INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, before, after, changed_at)
     SELECT id, $5, 'removed', '{}', ${displayedForHistory("displayed", historyKeepsOwnerNames(scope.keepOwnerNames))} || jsonb_build_object('suburbId', suburb_id), NULL, $6 FROM gone`,
    [scope.roll, scope.titleTypes, scope.suburbIds, scope.exceptSuburbIds, scope.runId, scope.now ?? new Date()],
  );
  return rowCount ?? 0;
}
