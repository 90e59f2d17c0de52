import { VALUATION_FIELDS, type FieldName } from "./valuation-fields";

// The columns a listing can be sorted on (their column, type and nullability are the fields'
// declaration, valuation-fields.ts). Each has a btree index (roll, column, id) so a page is
// one index range scan (prisma/schema.prisma). `id` breaks ties so the order is total.

/** The fields a listing can be sorted on, in the order the sort values list them. */
const SORTABLE = [
  "rateNumber",
  "titleType",
  "suburbName",
  "legalDescription",
  "address",
  "streetName",
  "firstOwner",
  "useCode",
  "ratingCategory",
  "marketValue",
  "registeredExtent",
  "lastChangedAt",
] as const satisfies readonly FieldName[];

export type SortValueType = (typeof VALUATION_FIELDS)[(typeof SORTABLE)[number]]["type"];

export type SortField = {
  /** The column in `valuations`. */
  column: string;
  type: SortValueType;
  nullable: boolean;
};

export const SORT_FIELDS = Object.fromEntries(
  SORTABLE.map((name) => {
    const { column, type, nullable } = VALUATION_FIELDS[name];
    return [name, { column, type, nullable }];
  }),
) as Record<(typeof SORTABLE)[number], SortField>;

export type SortFieldName = keyof typeof SORT_FIELDS;
export const SORT_FIELD_NAMES = Object.keys(SORT_FIELDS) as SortFieldName[];

/** `relevance` ranks `q` matches: exact rate number, then prefix, then the whole phrase, then every word; by rate number within each. */
export type Sort =
  | { kind: "field"; field: SortFieldName; descending: boolean }
  | { kind: "relevance" };

export const SORT_VALUES: readonly string[] = [
  "relevance",
  ...SORT_FIELD_NAMES.flatMap((name) => [name, `-${name}`]),
];

export function parseSort(value: string): Sort | null {
  if (value === "relevance") return { kind: "relevance" };
  const descending = value.startsWith("-");
  const name = descending ? value.slice(1) : value;
  if (!Object.hasOwn(SORT_FIELDS, name)) return null;
  return { kind: "field", field: name as SortFieldName, descending };
}

export function formatSort(sort: Sort): string {
  return sort.kind === "relevance" ? "relevance" : `${sort.descending ? "-" : ""}${sort.field}`;
}
