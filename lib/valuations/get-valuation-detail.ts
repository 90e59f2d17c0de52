import { type OwnerNamesMode } from "@/lib/config";
import type { RollId } from "@/lib/rolls/roll-id";
import { ownerNamesShown, ownerPolicy } from "@/lib/owners/owner-policy";
import { suppressedCondition } from "@/lib/owners/owner-suppressions";
import { redactChange, withoutDetailOwners } from "@/lib/owners/redact-owner-names";
import { propertyRollsColumn, REGISTRY_ROLLS_COLUMN, toPropertyRolls, type PropertyRollJson } from "@/lib/roll-changes/property-rolls";
import type { OrderedRoll } from "@/lib/rolls/roll-order";
import type { ValuationDetailResponse } from "./detail-schema";
import type { TitleTypeValue } from "./list-query-schema";
import type { Queryable } from "./queryable";
import { serialiseValuation, valuationHref } from "./serialise-valuation";
import type { JsonRowOf, RowOf } from "./valuation-fields";
import { fieldColumns, selectColumns, type ValuationRow } from "./valuation-row";
import { valueChange } from "./value-change";

export type DetailLookup = { rateNumber: string; roll: RollId; title?: TitleTypeValue };
/** The deployment's OWNER_NAMES and OWNER_HISTORY_DAYS. */
export type DetailOwnerSettings = { ownerNames: OwnerNamesMode; ownerHistoryDays: number; now?: Date };
export type DetailChoice = { titleType: TitleTypeValue; href: string };
export type DetailResult =
  | { kind: "found"; body: Omit<ValuationDetailResponse, "meta"> }
  | { kind: "not-found" }
  | { kind: "ambiguous"; choices: DetailChoice[] };

const HISTORY_LIMIT = 1000;

// Timestamps inside json_agg arrive as text ("2026-01-02T03:04:05.678+00:00"), not as Date.
type ChangeJson = {
  run_id: number;
  kind: "added" | "changed" | "removed" | "restored";
  fields: string[] | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed_at: string;
};
/** The same rate number on another roll: what otherRolls answers of it. */
const OTHER_FIELDS = ["roll", "titleType", "rateNumber", "marketValue", "registeredExtent", "removedAt"] as const;
type OtherJson = JsonRowOf<(typeof OTHER_FIELDS)[number]> & { effective_from: string };
/** Read for the detail page only, besides the row every query reads. */
const DETAIL_FIELDS = ["detail", "detailFetchedAt"] as const;
type DetailRow = ValuationRow & RowOf<(typeof DETAIL_FIELDS)[number]> & {
  owner_suppressed: boolean;
  history: ChangeJson[];
  other_rolls: OtherJson[];
  rolls: PropertyRollJson[];
  registry_rolls: OrderedRoll[];
};

const isoTimestamp = (text: string) => new Date(text).toISOString();

/**
 * One property, removed ones included (with removedAt set), with its history and the same rate
 * number on the other rolls: one statement, so one round trip. Ambiguous when both title types
 * have the rate number.
 */
export async function getValuationDetail(db: Queryable, lookup: DetailLookup, owners: DetailOwnerSettings): Promise<DetailResult> {
  const values: unknown[] = [lookup.roll, lookup.rateNumber];
  if (lookup.title) values.push(lookup.title);
  const { rows } = await db.query<DetailRow>(
    `SELECT ${selectColumns("v")}, ${fieldColumns(DETAIL_FIELDS, "v")}, ${suppressedCondition("v")} AS owner_suppressed,
            (SELECT coalesce(json_agg(c ORDER BY c.changed_at DESC, c.id DESC), '[]')
               FROM (SELECT id, run_id, kind, fields, before, after, changed_at FROM valuation_changes
                      WHERE valuation_id = v.id ORDER BY changed_at DESC, id DESC LIMIT ${HISTORY_LIMIT}) c) AS history,
            (SELECT coalesce(json_agg(o ORDER BY o.effective_from DESC), '[]')
               FROM (SELECT ${fieldColumns(OTHER_FIELDS, "o")},
                            to_char(r.effective_from, 'YYYY-MM-DD') AS effective_from
                       FROM rolls r JOIN valuations o ON o.roll = r.id AND o.title_type = v.title_type AND o.rate_number = v.rate_number
                      WHERE r.id <> v.roll) o) AS other_rolls,
            ${propertyRollsColumn("v")} AS rolls,
            ${REGISTRY_ROLLS_COLUMN} AS registry_rolls
       FROM valuations v
      WHERE v.roll = $1 AND v.rate_number = $2 ${lookup.title ? "AND v.title_type = $3::title_type" : ""}
      ORDER BY v.title_type`,
    values,
  );
  const row = rows[0];
  if (!row) return { kind: "not-found" };
  if (rows.length > 1) {
    return { kind: "ambiguous", choices: rows.map((r) => ({ titleType: r.title_type, href: valuationHref(r) })) };
  }

  // The callers took the roll from the registry, and rolls are never deleted from it.
  const effectiveFrom = row.registry_rolls.find((roll) => roll.id === lookup.roll)?.effectiveFrom;
  if (effectiveFrom === undefined) throw new Error(`roll ${lookup.roll} is not in the registry`);
  const current = { roll: lookup.roll, marketValue: row.market_value, effectiveFrom };
  const shown = ownerNamesShown(owners.ownerNames, row.owner_suppressed);
  const ownerField = shown === "shown" ? "include" : shown === "withheld-at-owner-request" ? "withhold" : "omit";
  // History keeps names only under OWNER_NAMES=full, for OWNER_HISTORY_DAYS; older records (and
  // any written under full before a switch to another mode) are shown without them.
  const namesSince = (owners.now ?? new Date()).getTime() - owners.ownerHistoryDays * 86_400_000;
  const historyNames = (changedAt: string) => shown === "shown" && ownerPolicy(owners.ownerNames).inHistory && Date.parse(changedAt) >= namesSince;
  return {
    kind: "found",
    body: {
      data: {
        ...serialiseValuation(row, ownerField),
        detail: shown === "shown" ? row.detail : withoutDetailOwners(row.detail),
        detailFetchedAt: row.detail_fetched_at?.toISOString() ?? null,
        ownerNames: shown,
      },
      history: row.history.map((change) => {
        const record = {
          runId: change.run_id,
          kind: change.kind,
          fields: change.fields ?? [],
          before: change.before,
          after: change.after,
          changedAt: isoTimestamp(change.changed_at),
        };
        return historyNames(change.changed_at) ? record : redactChange(record);
      }),
      // Newest roll first (the query orders them by the registry's effective dates).
      otherRolls: row.other_rolls.map((other) => ({
          roll: other.roll,
          titleType: other.title_type,
          marketValue: other.market_value,
          registeredExtent: other.registered_extent,
          removedAt: other.removed_at === null ? null : isoTimestamp(other.removed_at),
          href: valuationHref(other),
          valueChange: valueChange(current, { roll: other.roll, marketValue: other.market_value, effectiveFrom: other.effective_from }),
        })),
      rolls: toPropertyRolls(row.rolls, row.registry_rolls),
    },
  };
}
