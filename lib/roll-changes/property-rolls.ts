import { z } from "zod";
import { isGeneralRoll, rollIdOrder, type OrderedRoll } from "@/lib/rolls/roll-order";

// One property on every roll: its value and category on each, and the change from the roll
// before: the previous general roll it is on, in the registry's order (a supplementary roll amends
// a general one; it is not the roll before the next general roll). The other rolls' rows come from the links of this roll with each of them; with a roll
// never linked to this one, from the same title type and rate number.

export const PropertyRollSchema = z
  .object({
    roll: z.string(),
    titleType: z.enum(["full", "sectional"]),
    rateNumber: z.string(),
    legalDescription: z.string(),
    marketValue: z.int().nullable(),
    ratingCategory: z.string().nullable(),
    useDescription: z.string().nullable(),
    removedAt: z.string().nullable().meta({ format: "date-time", description: "Set when that roll no longer lists it." }),
    linkedBy: z.enum(["this-property", "rate-number", "legal-description", "subdivision", "consolidation", "scheme", "same-rate-number"]).meta({
      description:
        "How this row is tied to the property asked about: `this-property`; a stored link (`rate-number`, `legal-description`, " +
        "`subdivision`, `consolidation`, `scheme`: the erf a sectional scheme was built on, or its units); or `same-rate-number` for a roll never linked to this one.",
    }),
    change: z
      .object({
        from: z.string().meta({ description: "The roll before." }),
        absolute: z.int().meta({ description: "This value minus the value on `from`, rand." }),
        percent: z.number().nullable().meta({ description: "In per cent of the value on `from`, one decimal." }),
        ratingCategory: z
          .object({ from: z.string().meta({ description: "The category on `from`." }), to: z.string().meta({ description: "The category on this roll." }) })
          .nullable()
          .meta({ description: "Set when the rating category differs from the one on `from` (null when the same, or either is missing)." }),
      })
      .nullable()
      .meta({ description: "From the one row of the roll before, the previous general roll (null when it or either value is missing, or the land was split or joined)." }),
  })
  .meta({ id: "PropertyRoll" });

export type PropertyRoll = z.infer<typeof PropertyRollSchema>;
type LinkedBy = PropertyRoll["linkedBy"];

type Row = {
  roll: string;
  title_type: "full" | "sectional";
  rate_number: string;
  legal_description: string;
  market_value: number | null;
  rating_category: string | null;
  use_description: string | null;
  removed_at: Date | null;
  linked_by: LinkedBy;
};

const ONE_TO_ONE: ReadonlySet<LinkedBy> = new Set(["this-property", "rate-number", "legal-description", "same-rate-number"]);

/** The category change from `before` to `after`, when both are known and differ. */
export function categoryChange(before: string | null, after: string | null): { from: string; to: string } | null {
  return before !== null && after !== null && before !== after ? { from: before, to: after } : null;
}

/**
 * Oldest roll first by `rolls` (the registry's order); the change from the roll before (the
 * previous general roll the property is on) where each side is one whole property.
 */
export function withRollChanges(rows: readonly Omit<PropertyRoll, "change">[], rolls: readonly OrderedRoll[]): PropertyRoll[] {
  const sorted = [...rows].sort((a, b) => rollIdOrder(rolls)(a.roll, b.roll) || a.rateNumber.localeCompare(b.rateNumber));
  const perRoll = new Map<string, number>();
  for (const row of sorted) perRoll.set(row.roll, (perRoll.get(row.roll) ?? 0) + 1);
  const present = [...perRoll.keys()];
  return sorted.map((row) => {
    const before = present.slice(0, present.indexOf(row.roll)).findLast((roll) => isGeneralRoll(rolls, roll));
    const previous = before !== undefined && perRoll.get(before) === 1 ? sorted.find((candidate) => candidate.roll === before) : undefined;
    const comparable =
      previous !== undefined && perRoll.get(row.roll) === 1 && ONE_TO_ONE.has(row.linkedBy) && ONE_TO_ONE.has(previous.linkedBy) && previous.marketValue !== null && row.marketValue !== null;
    if (!comparable) return { ...row, change: null };
    const absolute = row.marketValue! - previous.marketValue!;
    const percent = previous.marketValue! > 0 ? Math.round((absolute / previous.marketValue!) * 1000) / 10 : null;
    return { ...row, change: { from: previous.roll, absolute, percent, ratingCategory: categoryChange(previous.ratingCategory, row.ratingCategory) } };
  });
}

const COLUMNS = "o.roll, o.title_type, o.rate_number, o.legal_description, o.market_value, o.rating_category, o.use_description, o.removed_at";

/**
 * A column (a JSON array) of the property on table alias `v` on every roll: itself, the rows its
 * links reach, and the same rate number on rolls never linked to its own. A subquery, so the
 * detail stays one statement. The other rolls come from the registry, so each is one index lookup
 * ("roll <> this roll" alone walked the whole index: 122 ms at 1M rows).
 */
export function propertyRollsColumn(v: string): string {
  const self = `${v}.roll, ${v}.title_type, ${v}.rate_number`;
  return `(SELECT coalesce(json_agg(r), '[]') FROM (
      SELECT ${COLUMNS}, 'this-property' AS linked_by FROM valuations o WHERE (o.roll, o.title_type, o.rate_number) = (${self})
      UNION ALL
      SELECT ${COLUMNS}, l.method::text FROM roll_links l
        JOIN valuations o ON o.roll = l.to_roll AND o.title_type = l.to_title_type AND o.rate_number = l.to_rate_number
       WHERE (l.from_roll, l.from_title_type, l.from_rate_number) = (${self})
      UNION ALL
      SELECT ${COLUMNS}, l.method::text FROM roll_links l
        JOIN valuations o ON o.roll = l.from_roll AND o.title_type = l.from_title_type AND o.rate_number = l.from_rate_number
       WHERE (l.to_roll, l.to_title_type, l.to_rate_number) = (${self})
      UNION ALL
      SELECT ${COLUMNS}, 'same-rate-number' FROM rolls other
        JOIN valuations o ON o.roll = other.id AND o.title_type = ${v}.title_type AND o.rate_number = ${v}.rate_number
       WHERE other.id <> ${v}.roll
         AND NOT EXISTS (SELECT 1 FROM roll_link_sets s WHERE (s.from_roll = ${v}.roll AND s.to_roll = o.roll) OR (s.to_roll = ${v}.roll AND s.from_roll = o.roll))
    ) r)`;
}

/** A column (a JSON array) of every registered roll's place in the order, for toPropertyRolls. */
export const REGISTRY_ROLLS_COLUMN = `(SELECT json_agg(json_build_object('id', id, 'effectiveFrom', to_char(effective_from, 'YYYY-MM-DD'), 'kind', kind)) FROM rolls)`;

/** Timestamps inside json_agg arrive as text ("2026-01-02T03:04:05.678+00:00"). */
export type PropertyRollJson = Omit<Row, "removed_at"> & { removed_at: string | null };

/**
 * The column's rows as the API gives them, in the order of `rolls` (the registry's rolls, read in
 * the same statement: per row, the lookup doubled the detail's planning time).
 */
export function toPropertyRolls(rows: readonly PropertyRollJson[], rolls: readonly OrderedRoll[]): PropertyRoll[] {
  return withRollChanges(
    rows.map((row) => ({
      roll: row.roll,
      titleType: row.title_type,
      rateNumber: row.rate_number,
      legalDescription: row.legal_description,
      marketValue: row.market_value,
      ratingCategory: row.rating_category,
      useDescription: row.use_description,
      removedAt: row.removed_at === null ? null : new Date(row.removed_at).toISOString(),
      linkedBy: row.linked_by,
    })),
    rolls,
  );
}
