import type { Prisma } from "@/lib/generated/prisma/client";
import type { DisplayedCells } from "./displayed-cells";

// Every column of `valuations`, once: its name in the code (the Prisma field, which is also the
// API's name), its column, its type, who writes it, and how the API answers it. prisma/schema.prisma
// makes the table; valuation-fields.test.ts checks this list against the Prisma model and the
// migrated table. Derived from it: the columns and records the scraper's store writes
// (lib/scraper/store/upsert-valuations.ts), the row every valuation query reads (valuation-row.ts)
// and the narrower rows some read (RowOf with fieldColumns: comparables, other rolls of a property),
// the API's zod schema (valuation-schema.ts) and serialiser (serialise-valuation.ts), and the CSV
// export's columns (valuation-csv.ts) and COPY (export-csv-query.ts).

/** How a column is stored. "displayed" is the jsonb of the eight cells, "json" any other jsonb. */
export type FieldType =
  | "roll"
  | "title_type"
  | "text"
  | "integer"
  | "bigint"
  | "numeric"
  | "boolean"
  | "timestamptz"
  | "displayed"
  | "json";

/**
 * Who writes the column: the store's own bookkeeping, the scrape task's key (roll and title type),
 * a results row as normaliseRow types it (lib/scraper/normalise-row.ts), or the property profile
 * page (lib/scraper/fetch-details.ts).
 */
export type FieldSource = "store" | "task" | "results-row" | "profile-page";

export type ValuationField = {
  column: string;
  type: FieldType;
  nullable: boolean;
  source: FieldSource;
  /**
   * In every answer of the API about a property (JSON, under the field's name), with what its
   * documentation says. A field of one value (not jsonb) is also a CSV column, headed by its name.
   */
  api?: { description?: string };
  /** Personal data: where it appears is up to OWNER_NAMES (lib/owners/owner-policy.ts). */
  personal?: true;
};

/** In the order of the API's JSON and CSV. */
export const VALUATION_FIELDS = {
  id: { column: "id", type: "bigint", nullable: false, source: "store" },
  roll: { column: "roll", type: "roll", nullable: false, source: "task", api: { description: "The valuation roll." } },
  titleType: { column: "title_type", type: "title_type", nullable: false, source: "task", api: { description: "Full Title or Sectional Title." } },
  rateNumber: {
    column: "rate_number",
    type: "text",
    nullable: false,
    source: "results-row",
    api: { description: 'As displayed, leading zeros kept. Properties the site lists without one are keyed "PIN:<pin>".' },
  },
  pin: { column: "pin", type: "text", nullable: true, source: "results-row", api: { description: "The site's own id of the property profile page." } },
  suburbId: {
    column: "suburb_id",
    type: "text",
    nullable: false,
    source: "results-row",
    api: { description: "The site's id of the suburb the property is listed under." },
  },
  suburbName: { column: "suburb_name", type: "text", nullable: false, source: "results-row", api: {} },
  legalDescription: { column: "legal_description", type: "text", nullable: false, source: "results-row", api: {} },
  erfNumber: { column: "erf_number", type: "text", nullable: true, source: "results-row", api: { description: "Parsed from the legal description." } },
  portionNumber: { column: "portion_number", type: "text", nullable: true, source: "results-row", api: {} },
  isRemainder: { column: "is_remainder", type: "boolean", nullable: false, source: "results-row", api: { description: 'True for a remainder ("REM of …").' } },
  township: { column: "township", type: "text", nullable: true, source: "results-row", api: { description: "Township or farm of the legal description." } },
  isFarm: { column: "is_farm", type: "boolean", nullable: false, source: "results-row", api: {} },
  schemeName: { column: "scheme_name", type: "text", nullable: true, source: "results-row", api: { description: "Sectional scheme, for Sectional Title." } },
  sectionNumber: { column: "section_number", type: "text", nullable: true, source: "results-row", api: {} },
  address: { column: "address", type: "text", nullable: false, source: "results-row", api: { description: "As a person reads it: the site's padding collapsed." } },
  streetNumber: { column: "street_number", type: "text", nullable: true, source: "results-row", api: {} },
  streetName: { column: "street_name", type: "text", nullable: true, source: "results-row", api: {} },
  locality: { column: "locality", type: "text", nullable: true, source: "results-row", api: {} },
  firstOwner: {
    column: "first_owner",
    type: "text",
    nullable: true,
    source: "results-row",
    api: { description: "The first registered owner, as the site lists it." },
    personal: true,
  },
  useCode: { column: "use_code", type: "integer", nullable: true, source: "results-row", api: { description: "Municipal use code." } },
  useDescription: { column: "use_description", type: "text", nullable: true, source: "results-row", api: {} },
  ratingCategory: { column: "rating_category", type: "text", nullable: true, source: "results-row", api: {} },
  marketValue: {
    column: "market_value",
    type: "bigint",
    nullable: true,
    source: "results-row",
    api: { description: "Market value in whole rand; null where the site shows none." },
  },
  registeredExtent: {
    column: "registered_extent",
    type: "numeric",
    nullable: true,
    source: "results-row",
    api: { description: "Registered extent in square metres." },
  },
  displayed: { column: "displayed", type: "displayed", nullable: false, source: "results-row", api: {} },
  firstSeenAt: { column: "first_seen_at", type: "timestamptz", nullable: false, source: "store", api: { description: "When our scraper first saw this row." } },
  lastSeenAt: { column: "last_seen_at", type: "timestamptz", nullable: false, source: "store", api: { description: "When our scraper last saw this row on the site." } },
  lastChangedAt: { column: "last_changed_at", type: "timestamptz", nullable: false, source: "store", api: { description: "When any displayed cell last changed." } },
  removedAt: {
    column: "removed_at",
    type: "timestamptz",
    nullable: true,
    source: "store",
    api: { description: "Set when a complete scrape no longer found the property on the roll." },
  },
  searchText: { column: "search_text", type: "text", nullable: false, source: "results-row" },
  detailHref: { column: "detail_href", type: "text", nullable: true, source: "results-row" },
  detail: { column: "detail", type: "json", nullable: true, source: "profile-page" },
  detailFetchedAt: { column: "detail_fetched_at", type: "timestamptz", nullable: true, source: "profile-page" },
  firstSeenRunId: { column: "first_seen_run_id", type: "integer", nullable: false, source: "store" },
  lastSeenRunId: { column: "last_seen_run_id", type: "integer", nullable: false, source: "store" },
} as const satisfies Record<Prisma.ValuationScalarFieldEnum, ValuationField>;

type Fields = typeof VALUATION_FIELDS;
export type FieldName = keyof Fields;

/** The names of the fields whose declaration matches `Shape`, in declaration order. */
type NamesWhere<Shape> = { [K in FieldName]: Fields[K] extends Shape ? K : never }[FieldName];

export type ApiFieldName = NamesWhere<{ api: object }>;
export type CsvFieldName = NamesWhere<{ api: object; type: CsvFieldType }>;
export type PersonalFieldName = NamesWhere<{ personal: true }>;
export type ResultsRowFieldName = NamesWhere<{ source: "results-row" }>;
export type CsvFieldType = Exclude<FieldType, "displayed" | "json">;

const FIELD_NAMES = Object.keys(VALUATION_FIELDS) as FieldName[];
const declared = (field: FieldName): ValuationField => VALUATION_FIELDS[field];

export const API_FIELD_NAMES = FIELD_NAMES.filter((name) => declared(name).api !== undefined) as ApiFieldName[];
export const CSV_FIELD_NAMES = API_FIELD_NAMES.filter((name) => !["displayed", "json"].includes(declared(name).type)) as CsvFieldName[];
export const RESULTS_ROW_FIELD_NAMES = FIELD_NAMES.filter((name) => declared(name).source === "results-row") as ResultsRowFieldName[];

export function isPersonal(name: string): boolean {
  return Object.hasOwn(VALUATION_FIELDS, name) && declared(name as FieldName).personal === true;
}

/** The PostgreSQL type of each field type, as a query casts to it (jsonb_to_recordset, parameters). */
export const SQL_TYPES: Record<FieldType, string> = {
  roll: "text",
  title_type: "title_type",
  text: "text",
  integer: "integer",
  bigint: "bigint",
  numeric: "numeric",
  boolean: "boolean",
  timestamptz: "timestamptz",
  displayed: "jsonb",
  json: "jsonb",
};

/** A column's value as pg returns it (BIGINT and NUMERIC arrive as numbers: lib/db/client.ts sets the type parsers). */
type RowValues = {
  roll: string;
  title_type: "full" | "sectional";
  text: string;
  integer: number;
  bigint: number;
  numeric: number;
  boolean: boolean;
  timestamptz: Date;
  displayed: DisplayedCells;
  json: Record<string, unknown>;
};

type RowValue<F extends ValuationField> = RowValues[F["type"]] | (F["nullable"] extends true ? null : never);

export type FieldValue<N extends FieldName> = RowValue<Fields[N]>;

/** The named fields as a query row has them: keyed by column. */
export type RowOf<Name extends FieldName> = { [K in Name as Fields[K]["column"]]: RowValue<Fields[K]> };

/** The named fields inside json_agg or to_json: as RowOf, but timestamps arrive as text. */
export type JsonRowOf<Name extends FieldName> = { [K in keyof RowOf<Name>]: RowOf<Name>[K] extends infer V ? (V extends Date ? string : V) : never };

/** What the store writes of a results row: keyed by field name, as normaliseRow gives them. */
export type ResultsRowValues = { [K in ResultsRowFieldName]: RowValue<Fields[K]> };
