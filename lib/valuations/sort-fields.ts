// The columns a listing can be sorted on. Each has a btree index (roll, column, id) so a page is
// one index range scan (prisma/schema.prisma). `id` breaks ties so the order is total.

export type SortValueType = "text" | "integer" | "bigint" | "numeric" | "timestamptz" | "title_type";

export type SortField = {
  /** The column in `valuations`. */
  column: string;
  type: SortValueType;
  nullable: boolean;
};

export const SORT_FIELDS = {
  rateNumber: { column: "rate_number", type: "text", nullable: false },
  titleType: { column: "title_type", type: "title_type", nullable: false },
  suburbName: { column: "suburb_name", type: "text", nullable: false },
  legalDescription: { column: "legal_description", type: "text", nullable: false },
  address: { column: "address", type: "text", nullable: false },
  streetName: { column: "street_name", type: "text", nullable: true },
  firstOwner: { column: "first_owner", type: "text", nullable: true },
  useCode: { column: "use_code", type: "integer", nullable: true },
  ratingCategory: { column: "rating_category", type: "text", nullable: true },
  marketValue: { column: "market_value", type: "bigint", nullable: true },
  registeredExtent: { column: "registered_extent", type: "numeric", nullable: true },
  lastChangedAt: { column: "last_changed_at", type: "timestamptz", nullable: false },
} as const satisfies Record<string, SortField>;

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
