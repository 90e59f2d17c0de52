import { z } from "zod";
import { rollQueryParam } from "@/lib/rolls/roll-param";
import type { RollId } from "@/lib/rolls/roll-id";
import { optionalShape } from "@/lib/api/parse-query";
import { booleanParam, decimalParam, enumParam, integerParam, textParam } from "@/lib/api/query-parameters";
import { parseSort, SORT_VALUES, type Sort } from "./sort-fields";

// The query parameters of /api/valuations (and the filters /api/stats shares). The one source of
// truth for validating requests and for the OpenAPI document.

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 50;
const MAX_RAND = 1_000_000_000_000;
const MAX_EXTENT = 1_000_000_000;

export const filterParameters = {
  q: textParam({
    minLength: 2,
    maxLength: 200,
    description:
      "One search box: a rate number or its beginning (`96150534`, `9615`), part of an address (`somerset way`), " +
      "a legal description (`ERF 18288`, `Portion 16 of ERF 74`) or a sectional scheme name (`SS ALEC'S MEWS`). " +
      "Case does not matter; every word must appear. Results are ranked: the exact rate number first, then rate " +
      "numbers that start with it, then rows containing the whole phrase, then the other rows with every word; " +
      "within each, by rate number. " +
      "Owner names are searched only when the server runs with OWNER_NAMES=full (they are personal data, and the " +
      "municipality's own site offers no owner search); by default they are not.",
    example: "pinetown",
  }),
  roll: rollQueryParam,
  title: enumParam(["full", "sectional"] as const, { description: "Full Title or Sectional Title only.", example: "full" }),
  rateNumber: textParam({
    maxLength: 24,
    pattern: /^(\d{1,12}|PIN:\d{1,16})$/,
    patternMessage: 'must be digits (a rate number or its beginning) or "PIN:" and digits',
    description: 'Rate numbers that start with these digits (all 8 digits for one property), or a "PIN:<pin>" key exactly.',
    example: "9625",
  }),
  suburb: textParam({
    maxLength: 100,
    description: "The suburb the property is listed under: its id (digits) or its name in any case (see /api/suburbs).",
    example: "PINETOWN",
  }),
  street: textParam({
    maxLength: 100,
    description: "Street name exactly, without the number, as listed or in capitals.",
    example: "SOMERSET WAY",
  }),
  useCode: integerParam({ minimum: 0, maximum: 9999, description: "Municipal use code, e.g. 15 (Single Residential).", example: 15 }),
  ratingCategory: textParam({
    maxLength: 100,
    description: "Rating category exactly as displayed, e.g. `Residential`, `Vacant Land`, `Business & Commercial`.",
    example: "Residential",
  }),
  minValue: integerParam({ minimum: 0, maximum: MAX_RAND, description: "Market value at least this (whole rand).", example: 1000000 }),
  maxValue: integerParam({ minimum: 0, maximum: MAX_RAND, description: "Market value at most this (whole rand).", example: 5000000 }),
  minExtent: decimalParam({ minimum: 0, maximum: MAX_EXTENT, description: "Registered extent at least this (m²).", example: 500 }),
  maxExtent: decimalParam({ minimum: 0, maximum: MAX_EXTENT, description: "Registered extent at most this (m²).", example: 2000 }),
  includeRemoved: booleanParam({
    description: "Also list properties that a complete scrape no longer found on the roll (default false).",
    example: false,
  }),
};

export const listParameters = {
  ...filterParameters,
  sort: enumParam(SORT_VALUES as [string, ...string[]], {
    description:
      "Sort field, `-field` for descending. Empty values (no market value, no extent, …) come last either way; ties " +
      "are broken by an internal id, so the order is stable across pages. Default: `relevance` with `q`, else `rateNumber`. " +
      "`firstOwner` only where the server sets OWNER_NAMES=full (elsewhere it is a 400: owner names are not listed).",
    example: "-marketValue",
  }),
  limit: integerParam({ minimum: 1, maximum: MAX_LIMIT, description: `Rows per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}). Not for exports.`, example: 50 }),
  cursor: textParam({
    maxLength: 2000,
    pattern: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
    patternMessage: "is not a cursor this API issued",
    description: "Opaque token from `next` of the previous page. Valid only with the same filters and sort.",
  }),
  total: booleanParam({ description: "Also count every matching row (`total` in the answer). Costs a second query.", example: true }),
  format: enumParam(["json", "csv", "ndjson"] as const, {
    description:
      "`csv` or `ndjson` streams every matching row (no limit, no cursor) as a download. Same as sending " +
      "`Accept: text/csv` or `Accept: application/x-ndjson`. Default `json`. In CSV, a text cell that starts with " +
      "`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that a spreadsheet shows it instead of " +
      "running it as a formula (numbers are written as they are); NDJSON is never altered.",
    example: "csv",
  }),
};

export type TitleTypeValue = "full" | "sectional";

export type ValuationFilters = {
  q?: string;
  roll: RollId;
  title?: TitleTypeValue;
  rateNumber?: string;
  suburb?: string;
  street?: string;
  useCode?: number;
  ratingCategory?: string;
  minValue?: number;
  maxValue?: number;
  minExtent?: number;
  maxExtent?: number;
  includeRemoved: boolean;
};

export type ListFormat = "json" | "csv" | "ndjson";

export type ListQuery = {
  filters: ValuationFilters;
  sort: Sort;
  limit: number;
  cursor?: string;
  total: boolean;
  format?: ListFormat;
};

type RangeInput = { minValue?: number; maxValue?: number; minExtent?: number; maxExtent?: number };

/** Adds "min above max" errors to a schema of filters, on the max parameter. */
export function checkRanges(value: RangeInput, ctx: z.RefinementCtx): void {
  if (value.minValue !== undefined && value.maxValue !== undefined && value.minValue > value.maxValue) {
    ctx.addIssue({ code: "custom", path: ["maxValue"], message: "must not be less than minValue" });
  }
  if (value.minExtent !== undefined && value.maxExtent !== undefined && value.minExtent > value.maxExtent) {
    ctx.addIssue({ code: "custom", path: ["maxExtent"], message: "must not be less than minExtent" });
  }
}

export const listQuerySchema = z
  .strictObject(optionalShape(listParameters))
  .superRefine((value, ctx) => {
    checkRanges(value, ctx);
    if (value.sort === "relevance" && value.q === undefined) {
      ctx.addIssue({ code: "custom", path: ["sort"], message: "relevance needs a search (q)" });
    }
    if (value.format === "csv" || value.format === "ndjson") {
      for (const name of ["limit", "cursor", "total"] as const) {
        if (value[name] !== undefined) ctx.addIssue({ code: "custom", path: [name], message: `does not apply to a ${value.format} export` });
      }
    }
  });

export type ListQueryInput = z.output<typeof listQuerySchema>;

const OWNER_SORTS: ReadonlySet<string> = new Set(["firstOwner", "-firstOwner"]);

const listQuerySchemaWithoutOwnerSort = listQuerySchema.superRefine((value, ctx) => {
  if (value.sort !== undefined && OWNER_SORTS.has(value.sort)) {
    ctx.addIssue({
      code: "custom",
      path: ["sort"],
      message: "cannot be firstOwner here: owner names are personal data, listed only where the server sets OWNER_NAMES=full",
    });
  }
});

/** The listing's parameters as this deployment takes them: sort=firstOwner only where lists carry owner names. */
export function listQuerySchemaFor(ownersInLists: boolean): typeof listQuerySchema {
  return ownersInLists ? listQuerySchema : listQuerySchemaWithoutOwnerSort;
}

/** Splits the validated parameters into filters and paging, filling in defaults. */
export function toListQuery(input: ListQueryInput, defaultRoll: RollId): ListQuery {
  const { sort, limit, cursor, total, format, ...filterInput } = input;
  const parsedSort = sort === undefined ? null : parseSort(sort);
  return {
    filters: toFilters(filterInput, defaultRoll),
    sort: parsedSort ?? (input.q !== undefined ? { kind: "relevance" } : { kind: "field", field: "rateNumber", descending: false }),
    limit: limit ?? DEFAULT_LIMIT,
    ...(cursor !== undefined ? { cursor } : {}),
    total: total ?? false,
    ...(format !== undefined ? { format } : {}),
  };
}

type FilterInput = Omit<ListQueryInput, "sort" | "limit" | "cursor" | "total" | "format">;

export function toFilters(input: FilterInput, defaultRoll: RollId): ValuationFilters {
  const { roll, includeRemoved, ...rest } = input;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return { ...defined, roll: roll ?? defaultRoll, includeRemoved: includeRemoved ?? false };
}
