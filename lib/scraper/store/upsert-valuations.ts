import type { ClientBase } from "pg";
import type { TitleType } from "@/lib/generated/prisma/enums";
import {
  RESULTS_ROW_FIELD_NAMES,
  SQL_TYPES,
  VALUATION_FIELDS,
  type ResultsRowFieldName,
  type ResultsRowValues,
} from "@/lib/valuations/valuation-fields";
import type { NormalisedValuation } from "../normalise-row";
import { copyInto } from "./copy-into";
import type { CopyValue } from "./copy-text";
import { changedFields, fieldValues, type ChangedField } from "./diff-valuation";
import { displayedForHistory, historyKeepsOwnerNames, redactChange } from "./owner-history";

// Writes one task's rows with COPY and set-based SQL, inside the caller's transaction (with the
// task's own bookkeeping, so a task is stored whole or not at all). Running it twice with the same
// rows changes nothing the second time. Three paths, cheapest first:
//
// - first sight of a suburb (the roll has no row of this title type there): the rows are COPYed
//   straight into valuations and their "added" records made from what was written. If a rate
//   number exists elsewhere in the roll (a property that moved suburb), the unique key stops the
//   COPY; it is undone to a savepoint and the rows take the general path, so that row is recorded
//   as changed, never as added.
// - otherwise one UPDATE marks seen every stored row that equals its row on the page (a re-scrape
//   with nothing changed ends here);
// - whatever that UPDATE did not settle (new, changed, removed rows, rows seen earlier in this
//   run) is locked, compared in diff-valuation.ts and written: INSERT … ON CONFLICT, and change
//   records.

export type UpsertCounts = { added: number; changed: number; unchanged: number; restored: number };

type Existing = {
  id: number;
  rate_number: string;
  displayed: NormalisedValuation["displayed"];
  suburb_id: string;
  pin: string | null;
  removed_at: Date | null;
  last_seen_run_id: number;
};

type ChangeRecord = {
  valuation_id?: number;
  rate_number: string;
  kind: "added" | "changed" | "restored";
  fields: ChangedField[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type UpsertInput = {
  runId: number;
  roll: string;
  titleType: TitleType;
  rows: readonly NormalisedValuation[];
  now?: Date;
  /** Change records keep owner names; default: only under OWNER_NAMES=full (owner-history.ts). */
  keepOwnerNames?: boolean;
};

// The columns a results row fills (valuation-fields.ts), each with the type jsonb_to_recordset
// reads it as. COPY writes them in this order.
const COLUMNS = RESULTS_ROW_FIELD_NAMES.map((name) => {
  const { column, type } = VALUATION_FIELDS[name];
  return { name, column, sqlType: SQL_TYPES[type] };
});
const COLUMN_NAMES = COLUMNS.map(({ column }) => column);
const RECORD_TYPE = COLUMNS.map(({ column, sqlType }) => `${column} ${sqlType}`).join(", ");
const SEEN_COLUMNS = ["first_seen_at", "last_seen_at", "last_changed_at", "first_seen_run_id", "last_seen_run_id"];
const CHANGE_COLUMNS = "valuation_id, run_id, kind, fields, before, after, changed_at";

/** A row as jsonb_to_recordset reads it: keyed by column. */
function toRecord(row: ResultsRowValues): Record<string, ResultsRowValues[ResultsRowFieldName]> {
  const record: Record<string, ResultsRowValues[ResultsRowFieldName]> = {};
  for (const { name, column } of COLUMNS) record[column] = row[name];
  return record;
}

/** A row's COLUMNS values in COLUMN_NAMES order, as COPY takes them. */
function columnValues(row: ResultsRowValues): CopyValue[] {
  return COLUMNS.map(({ name }) => (name === "displayed" ? JSON.stringify(row.displayed) : (row[name] as CopyValue)));
}

/** The last row wins when the site lists one rate number twice in one answer. */
export function dedupeByRateNumber(rows: readonly NormalisedValuation[]): NormalisedValuation[] {
  return [...new Map(rows.map((row) => [row.rateNumber, row])).values()];
}

export async function upsertValuations(client: ClientBase, input: UpsertInput): Promise<UpsertCounts> {
  const rows = dedupeByRateNumber(input.rows);
  const counts: UpsertCounts = { added: 0, changed: 0, unchanged: 0, restored: 0 };
  if (rows.length === 0) return counts;
  const now = input.now ?? new Date();
  const context = { ...input, rows, now, keepOwnerNames: historyKeepsOwnerNames(input.keepOwnerNames) };

  if (await isFirstSight(client, context)) {
    await client.query("SAVEPOINT first_sight");
    try {
      await insertAll(client, context);
      await client.query("RELEASE SAVEPOINT first_sight");
      return { ...counts, added: rows.length };
    } catch (error) {
      if ((error as { code?: string }).code !== "23505") throw error;
      await client.query("ROLLBACK TO SAVEPOINT first_sight");
    }
  }
  return mergeRows(client, context);
}

type Context = Required<UpsertInput> & { rows: NormalisedValuation[] };

// Every row of a task shares its suburb; the roll has none of this title type there yet. A re-scrape
// is told by its first row, one probe of the unique key, before the suburb is searched.
async function isFirstSight(client: ClientBase, { roll, titleType, rows }: Context): Promise<boolean> {
  const { suburbId, rateNumber } = rows[0]!;
  if (rows.some((row) => row.suburbId !== suburbId)) return false;
  const { rows: found } = await client.query<{ seen: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM valuations WHERE roll = $1 AND title_type = $3::title_type AND rate_number = $4)
         OR EXISTS (SELECT 1 FROM valuations WHERE roll = $1 AND suburb_id = $2 AND title_type = $3::title_type) AS seen`,
    [roll, suburbId, titleType, rateNumber],
  );
  return !found[0]!.seen;
}

async function insertAll(client: ClientBase, { runId, roll, titleType, rows, now, keepOwnerNames }: Context): Promise<void> {
  const at = now.toISOString();
  await copyInto(
    client,
    `COPY valuations (roll, title_type, ${COLUMN_NAMES.join(", ")}, ${SEEN_COLUMNS.join(", ")}) FROM STDIN`,
    rows,
    (row) => [roll, titleType, ...columnValues(row), at, at, at, runId, runId],
  );
  // Every row of the suburb is one just written (it had none), so the records come from them.
  await client.query(
    `INSERT INTO valuation_changes (${CHANGE_COLUMNS})
     SELECT id, $4, 'added', '{}', NULL, ${displayedForHistory("displayed", keepOwnerNames)} || jsonb_build_object('suburbId', suburb_id), $5
       FROM valuations WHERE roll = $1 AND suburb_id = $2 AND title_type = $3::title_type
      ORDER BY id`,
    [roll, rows[0]!.suburbId, titleType, runId, now],
  );
}

async function mergeRows(client: ClientBase, { runId, roll, titleType, rows, now, keepOwnerNames }: Context): Promise<UpsertCounts> {
  const counts: UpsertCounts = { added: 0, changed: 0, unchanged: 0, restored: 0 };
  // Equal as a whole means no field differs (diff-valuation.ts compares these same values), so
  // these rows need no lock and no diff: the UPDATE re-checks the condition on the latest version.
  // The detail link is where the profile is, not a change of the property: it is kept current.
  const { rows: settled } = await client.query<{ rate_number: string }>(
    `UPDATE valuations v SET last_seen_at = $4, last_seen_run_id = $5, detail_href = s.detail_href
       FROM jsonb_to_recordset($1::jsonb) AS s(rate_number text, displayed jsonb, suburb_id text, pin text, detail_href text)
      WHERE v.roll = $2 AND v.title_type = $3::title_type AND v.rate_number = s.rate_number
        AND v.removed_at IS NULL AND v.last_seen_run_id <> $5
        AND v.displayed = s.displayed AND v.suburb_id = s.suburb_id AND v.pin IS NOT DISTINCT FROM s.pin
      RETURNING v.rate_number`,
    [
      JSON.stringify(
        rows.map((row) => ({ rate_number: row.rateNumber, displayed: row.displayed, suburb_id: row.suburbId, pin: row.pin, detail_href: row.detailHref })),
      ),
      roll,
      titleType,
      now,
      runId,
    ],
  );
  counts.unchanged = settled.length;
  if (settled.length === rows.length) return counts;
  const settledNumbers = new Set(settled.map((row) => row.rate_number));
  const pending = rows.filter((row) => !settledNumbers.has(row.rateNumber));

  const { rows: existingRows } = await client.query<Existing>(
    `SELECT id, rate_number, displayed, suburb_id, pin, removed_at, last_seen_run_id
       FROM valuations
      WHERE roll = $1 AND title_type = $2::title_type AND rate_number = ANY($3::text[])
      FOR UPDATE`,
    [roll, titleType, pending.map((row) => row.rateNumber)],
  );
  const existing = new Map(existingRows.map((row) => [row.rate_number, row]));

  const toWrite: NormalisedValuation[] = [];
  const seenOnly: number[] = [];
  const changes: ChangeRecord[] = [];
  for (const row of pending) {
    const before = existing.get(row.rateNumber);
    if (!before) {
      counts.added += 1;
      toWrite.push(row);
      changes.push({ rate_number: row.rateNumber, kind: "added", fields: [], before: null, after: { ...row.displayed, suburbId: row.suburbId } });
      continue;
    }
    const previous = { displayed: before.displayed, suburbId: before.suburb_id, pin: before.pin };
    const fields = changedFields(previous, row);
    if (before.removed_at !== null) {
      counts.restored += 1;
      toWrite.push(row);
      changes.push({ rate_number: row.rateNumber, kind: "restored", fields, before: fieldValues(previous, fields), after: fieldValues(row, fields) });
    } else if (fields.length > 0) {
      counts.changed += 1;
      toWrite.push(row);
      changes.push({ rate_number: row.rateNumber, kind: "changed", fields, before: fieldValues(previous, fields), after: fieldValues(row, fields) });
    } else {
      counts.unchanged += 1;
      if (before.last_seen_run_id !== runId) seenOnly.push(before.id);
    }
  }

  if (toWrite.length > 0) {
    const { rows: written } = await client.query<{ id: number; rate_number: string }>(
      `INSERT INTO valuations (roll, title_type, ${COLUMN_NAMES.join(", ")}, ${SEEN_COLUMNS.join(", ")})
       SELECT $2, $3::title_type, ${COLUMN_NAMES.join(", ")}, $4, $4, $4, $5, $5
         FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE})
       ON CONFLICT (roll, title_type, rate_number) DO UPDATE SET
         ${COLUMN_NAMES.filter((name) => name !== "rate_number").map((name) => `${name} = EXCLUDED.${name}`).join(",\n         ")},
         last_seen_at = EXCLUDED.last_seen_at,
         last_changed_at = EXCLUDED.last_changed_at,
         last_seen_run_id = EXCLUDED.last_seen_run_id,
         removed_at = NULL
       RETURNING id, rate_number`,
      [JSON.stringify(toWrite.map(toRecord)), roll, titleType, now, runId],
    );
    const ids = new Map(written.map((row) => [row.rate_number, row.id]));
    for (const change of changes) change.valuation_id = ids.get(change.rate_number);
    await client.query(
      `INSERT INTO valuation_changes (${CHANGE_COLUMNS})
       SELECT valuation_id, $2, kind::change_kind, ARRAY(SELECT jsonb_array_elements_text(fields)), before, after, $3
         FROM jsonb_to_recordset($1::jsonb) AS c(valuation_id bigint, kind text, fields jsonb, before jsonb, after jsonb)`,
      [JSON.stringify(keepOwnerNames ? changes : changes.map(redactChange)), runId, now],
    );
  }

  if (seenOnly.length > 0) {
    await client.query(`UPDATE valuations SET last_seen_at = $1, last_seen_run_id = $2 WHERE id = ANY($3::bigint[])`, [now, runId, seenOnly]);
  }
  return counts;
}
