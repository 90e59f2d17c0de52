import { buildFilterConditions, type SearchOptions } from "@/lib/valuations/build-filter-conditions";
import type { ValuationFilters } from "@/lib/valuations/list-query-schema";
import type { Queryable } from "@/lib/valuations/queryable";
import type { SqlParams } from "@/lib/valuations/sql-params";
import type { RollId } from "@/lib/rolls/roll-id";
import { olderFirst, type OrderedRoll } from "@/lib/rolls/roll-order";

// Which property of one roll is which of another, for comparing their values: the pair's links
// (one-to-one only: a subdivided erf and its pieces have no single value to compare), or, for a
// pair never linked, the same title type and rate number. `v` is the row on the roll asked about
// (the filters apply to it), `o` its counterpart on the other roll.

export type PairBasis = "links" | "rate-number";

export type ComparedPairs = {
  /** FROM … JOIN …: aliases v (the roll asked about) and o (the other roll). */
  from: string;
  /** SQL for the older and the newer of the two rows' market values. */
  olderValue: string;
  newerValue: string;
  basis: PairBasis;
};

/** How `roll` is compared with `against`: by the pair's links or by rate number, and which is the newer (by the registry). */
export type RollComparison = { basis: PairBasis; rollIsNewer: boolean };

/** The comparison of two rolls: through links when the pair has been linked (roll_link_sets has its row). */
export async function rollComparison(db: Queryable, rolls: readonly OrderedRoll[], roll: RollId, against: RollId): Promise<RollComparison> {
  const [older, newer] = olderFirst(rolls, roll, against);
  const { rows } = await db.query("SELECT 1 FROM roll_link_sets WHERE from_roll = $1 AND to_roll = $2", [older, newer]);
  return { basis: rows.length > 0 ? "links" : "rate-number", rollIsNewer: newer === roll };
}

export function comparedPairs(against: RollId, { basis, rollIsNewer }: RollComparison, params: SqlParams): ComparedPairs {
  const againstParam = params.add(against);
  const values = rollIsNewer ? { olderValue: "o.market_value", newerValue: "v.market_value" } : { olderValue: "v.market_value", newerValue: "o.market_value" };
  if (basis === "rate-number") {
    return {
      ...values,
      basis,
      from: `valuations v JOIN valuations o ON o.roll = ${againstParam} AND o.title_type = v.title_type AND o.rate_number = v.rate_number AND o.removed_at IS NULL`,
    };
  }
  // Links run older → newer: the roll asked about is the link's `to` side when it is the newer.
  const [mine, theirs] = rollIsNewer ? ["to", "from"] : ["from", "to"];
  return {
    ...values,
    basis,
    from: `valuations v
      JOIN roll_links l ON l.${mine}_roll = v.roll AND l.${mine}_title_type = v.title_type AND l.${mine}_rate_number = v.rate_number
                       AND l.${theirs}_roll = ${againstParam} AND l.method IN ('rate-number', 'legal-description')
      JOIN valuations o ON o.roll = l.${theirs}_roll AND o.title_type = l.${theirs}_title_type AND o.rate_number = l.${theirs}_rate_number`,
  };
}

/** The listing's filters, on a roll given as a plain id (the roll registry may know more rolls than the enum). */
export type ComparedFilters = Omit<ValuationFilters, "roll"> & { roll: RollId };

/** The listing's own WHERE conditions on `v`: the roll is only ever a bound parameter there. */
export function filterConditions(filters: ComparedFilters, params: SqlParams, options: SearchOptions): string[] {
  return buildFilterConditions({ ...filters, roll: filters.roll as RollId }, params, options);
}
