import { DISPLAYED_CELLS, type DisplayedCell, type DisplayedCells } from "./displayed-cells";
import { API_FIELD_NAMES, isPersonal, VALUATION_FIELDS, type ValuationField } from "./valuation-fields";
import type { ValuationRow } from "./valuation-row";
import type { Valuation } from "./valuation-schema";

/** The detail resource of one property: rate number in the path, roll and title type to pin it down. */
export function valuationHref(row: Pick<ValuationRow, "rate_number" | "roll" | "title_type">): string {
  const query = new URLSearchParams({ roll: row.roll, title: row.title_type });
  return `/api/valuations/${encodeURIComponent(row.rate_number)}?${query}`;
}

/**
 * One row as the API answers it. `owner` is for the personal fields (firstOwner): `include` adds
 * them (and their displayed cells), `withhold` adds them as null, after the rest (a suppressed
 * property where names are listed), `omit` leaves both out (lib/owners/owner-policy.ts decides which).
 */
export type OwnerField = "include" | "withhold" | "omit";

// Each field's JSON follows from its declaration (valuation-fields.ts): timestamps as ISO text, the
// displayed cells in the site's order, anything else as pg gives it. The steps are worked out once
// per owner setting, so a row is only read and copied.
type Step = { name: string; read: (row: ValuationRow) => unknown };

const API_FIELDS = API_FIELD_NAMES.map((name) => ({ name, ...(VALUATION_FIELDS[name] as ValuationField) }));
const PERSONAL_FIELDS = API_FIELDS.filter((field) => field.personal);

function step(field: ValuationField & { name: string }, cells: readonly DisplayedCell[]): Step {
  const column = field.column as keyof ValuationRow;
  if (field.type === "timestamptz") {
    return { name: field.name, read: (row) => (row[column] === null ? null : (row[column] as Date).toISOString()) };
  }
  if (field.type === "displayed") {
    return {
      name: field.name,
      read: (row) => {
        const displayed: Partial<DisplayedCells> = {};
        for (const cell of cells) displayed[cell] = row.displayed[cell];
        return displayed;
      },
    };
  }
  return { name: field.name, read: (row) => row[column] };
}

const PUBLIC_CELLS = DISPLAYED_CELLS.filter((cell) => !isPersonal(cell));
const publicSteps = API_FIELDS.filter((field) => !field.personal).map((field) => step(field, PUBLIC_CELLS));
const STEPS: Record<OwnerField, Step[]> = {
  include: API_FIELDS.map((field) => step(field, DISPLAYED_CELLS)),
  withhold: publicSteps,
  omit: publicSteps,
};

// Every answer of one owner setting has the same keys in the same order: copying a template of
// them, then filling it in, is a third faster than adding the keys one by one.
const TEMPLATES = Object.fromEntries(
  Object.entries(STEPS).map(([owner, steps]) => [owner, Object.fromEntries(steps.map(({ name }) => [name, null]))]),
) as Record<OwnerField, Record<string, unknown>>;

export function serialiseValuation(row: ValuationRow, owner: OwnerField): Valuation {
  const valuation: Record<string, unknown> = { ...TEMPLATES[owner] };
  for (const { name, read } of STEPS[owner]) valuation[name] = read(row);
  valuation.href = valuationHref(row);
  if (owner === "withhold") for (const field of PERSONAL_FIELDS) valuation[field.name] = null;
  return valuation as Valuation;
}
