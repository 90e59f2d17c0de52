import type { ClientBase } from "pg";
import type { TitleType } from "@/lib/generated/prisma/enums";
import type { NormalisedValuation } from "../normalise-row";
import { changedFields, fieldValues, type ChangedField } from "./diff-valuation";

// Writes one task's rows set-based: one SELECT to find what exists, one INSERT … ON CONFLICT for
// new and changed rows, one UPDATE to mark the unchanged ones seen, one INSERT of change records.
// Run it inside the caller's transaction, with the task's own bookkeeping, so a task is stored
// whole or not at all. Running it twice with the same rows changes nothing the second time.

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

// Column name → the type jsonb_to_recordset reads it as. Order does not matter.
const COLUMNS = {
  rate_number: "text",
  suburb_id: "text",
  suburb_name: "text",
  pin: "text",
  displayed: "jsonb",
  legal_description: "text",
  erf_number: "text",
  portion_number: "text",
  is_remainder: "boolean",
  township: "text",
  is_farm: "boolean",
  scheme_name: "text",
  section_number: "text",
  address: "text",
  street_number: "text",
  street_name: "text",
  locality: "text",
  first_owner: "text",
  use_code: "integer",
  use_description: "text",
  rating_category: "text",
  market_value: "bigint",
  registered_extent: "numeric",
  search_text: "text",
} as const;
const COLUMN_NAMES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
const RECORD_TYPE = COLUMN_NAMES.map((name) => `${name} ${COLUMNS[name]}`).join(", ");

function toRecord(row: NormalisedValuation): Record<keyof typeof COLUMNS, unknown> {
  return {
    rate_number: row.rateNumber,
    suburb_id: row.suburbId,
    suburb_name: row.suburbName,
    pin: row.pin,
    displayed: row.displayed,
    legal_description: row.legalDescription,
    erf_number: row.erfNumber,
    portion_number: row.portionNumber,
    is_remainder: row.isRemainder,
    township: row.township,
    is_farm: row.isFarm,
    scheme_name: row.schemeName,
    section_number: row.sectionNumber,
    address: row.address,
    street_number: row.streetNumber,
    street_name: row.streetName,
    locality: row.locality,
    first_owner: row.firstOwner,
    use_code: row.useCode,
    use_description: row.useDescription,
    rating_category: row.ratingCategory,
    market_value: row.marketValue,
    registered_extent: row.registeredExtent,
    search_text: row.searchText,
  };
}

/** The last row wins when the site lists one rate number twice in one answer. */
export function dedupeByRateNumber(rows: readonly NormalisedValuation[]): NormalisedValuation[] {
  return [...new Map(rows.map((row) => [row.rateNumber, row])).values()];
}

export async function upsertValuations(
  client: ClientBase,
  input: { runId: number; roll: string; titleType: TitleType; rows: readonly NormalisedValuation[]; now?: Date },
): Promise<UpsertCounts> {
  const rows = dedupeByRateNumber(input.rows);
  const counts: UpsertCounts = { added: 0, changed: 0, unchanged: 0, restored: 0 };
  if (rows.length === 0) return counts;
  const now = input.now ?? new Date();

  const { rows: existingRows } = await client.query<Existing>(
    `SELECT id, rate_number, displayed, suburb_id, pin, removed_at, last_seen_run_id
       FROM valuations
      WHERE roll = $1 AND title_type = $2::title_type AND rate_number = ANY($3::text[])
      FOR UPDATE`,
    [input.roll, input.titleType, rows.map((row) => row.rateNumber)],
  );
  const existing = new Map(existingRows.map((row) => [row.rate_number, row]));

  const toWrite: NormalisedValuation[] = [];
  const seenOnly: number[] = [];
  const changes: ChangeRecord[] = [];
  for (const row of rows) {
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
      if (before.last_seen_run_id !== input.runId) seenOnly.push(before.id);
    }
  }

  if (toWrite.length > 0) {
    const { rows: written } = await client.query<{ id: number; rate_number: string }>(
      `INSERT INTO valuations (roll, title_type, ${COLUMN_NAMES.join(", ")},
                               first_seen_at, last_seen_at, last_changed_at, first_seen_run_id, last_seen_run_id)
       SELECT $2, $3::title_type, ${COLUMN_NAMES.join(", ")}, $4, $4, $4, $5, $5
         FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE})
       ON CONFLICT (roll, title_type, rate_number) DO UPDATE SET
         ${COLUMN_NAMES.filter((name) => name !== "rate_number").map((name) => `${name} = EXCLUDED.${name}`).join(",\n         ")},
         last_seen_at = EXCLUDED.last_seen_at,
         last_changed_at = EXCLUDED.last_changed_at,
         last_seen_run_id = EXCLUDED.last_seen_run_id,
         removed_at = NULL
       RETURNING id, rate_number`,
      [JSON.stringify(toWrite.map(toRecord)), input.roll, input.titleType, now, input.runId],
    );
    const ids = new Map(written.map((row) => [row.rate_number, row.id]));
    for (const change of changes) change.valuation_id = ids.get(change.rate_number);
  }

  if (seenOnly.length > 0) {
    await client.query(
      `UPDATE valuations SET last_seen_at = $1, last_seen_run_id = $2 WHERE id = ANY($3::bigint[])`,
      [now, input.runId, seenOnly],
    );
  }

  if (changes.length > 0) {
    await client.query(
      `INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, before, after, changed_at)
       SELECT valuation_id, $2, kind::change_kind, ARRAY(SELECT jsonb_array_elements_text(fields)), before, after, $3
         FROM jsonb_to_recordset($1::jsonb) AS c(valuation_id bigint, kind text, fields jsonb, before jsonb, after jsonb)`,
      [JSON.stringify(changes), input.runId, now],
    );
  }
  return counts;
}
