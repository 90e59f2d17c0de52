// Owner names out of a change record, a valuation and a profile page's fields. An owner change keeps
// `firstOwner` in its `fields` (so it still reads "owner changed"), without the names before and after.

export const OWNER_FIELD = "firstOwner";
/** The profile page's field that lists every owner (lib/scraper/parse-details.ts). */
export const DETAIL_OWNERS_FIELD = "owners";

type Values = Record<string, unknown> | null;

export function withoutOwner<T extends Values>(values: T): T {
  if (values === null || !Object.hasOwn(values, OWNER_FIELD)) return values;
  const { [OWNER_FIELD]: _owner, ...rest } = values;
  return rest as T;
}

/** The change record with no owner name in `before` or `after`; `fields` is kept. */
export function redactChange<C extends { before: Values; after: Values }>(change: C): C {
  return { ...change, before: withoutOwner(change.before), after: withoutOwner(change.after) };
}

/** The profile page's fields without the owners list. */
export function withoutDetailOwners(detail: Record<string, unknown> | null): Record<string, unknown> | null {
  if (detail === null || !Object.hasOwn(detail, DETAIL_OWNERS_FIELD)) return detail;
  const { [DETAIL_OWNERS_FIELD]: _owners, ...rest } = detail;
  return rest;
}
