import { createLoader, createParser, createSerializer } from "nuqs/server";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { SORT_VALUES, type SortFieldName } from "@/lib/valuations/sort-fields";
import { parseExtentInput, parseRandInput } from "./parse-amount";
import { ENGLISH_SEARCH_WORDS, type SearchWords } from "./search-words";

// The search page's whole state, as it lives in the URL (shareable, Back works), and the
// translation to the query of GET /api/valuations. Pure: used by the server page, the client
// component and the tests alike. One nuqs parser per URL parameter (`searchParsers`) reads and
// writes the URL on both sides. Values the API would reject are dropped here, so a hand-edited
// URL degrades to a broader search instead of an error page.

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

export type TitleFilter = "full" | "sectional";
/** The title types in English (pages in another language ask the catalogue: search.titleTypes). */

/** The API needs at least this many characters in `q`. */
export const MIN_QUERY_LENGTH = 2;
const MAX_QUERY_LENGTH = 200;
const MAX_RAND = 1_000_000_000_000;
const MAX_EXTENT = 1_000_000_000;
const MAX_PAGE = 100_000;

export type SearchState = {
  /** As typed (trimmed); searched only from MIN_QUERY_LENGTH characters. */
  q: string;
  roll: RollId;
  title: TitleFilter | null;
  /** Suburb name (or the site's id), "" for any. */
  suburb: string;
  useCode: number | null;
  ratingCategory: string;
  minValue: number | null;
  maxValue: number | null;
  minExtent: number | null;
  maxExtent: number | null;
  /** An API sort value ("-marketValue"), or null for the default. */
  sort: string | null;
  size: PageSize;
  /** The API's cursor for this page; null on the first page. */
  cursor: string | null;
  /** 1-based page number, for people (the cursor is what selects the rows). */
  page: number;
};

export type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export function initialSearchState(roll: RollId): SearchState {
  return {
    q: "",
    roll,
    title: null,
    suburb: "",
    useCode: null,
    ratingCategory: "",
    minValue: null,
    maxValue: null,
    minExtent: null,
    maxExtent: null,
    sort: null,
    size: DEFAULT_PAGE_SIZE,
    cursor: null,
    page: 1,
  };
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Text as typed, without control characters; "" (unset) → null. */
function text(maxLength: number) {
  return (value: string) => value.replace(CONTROL_CHARACTERS, " ").trim().slice(0, maxLength) || null;
}

function wholeNumber(max: number) {
  return (value: string) => {
    if (!/^\d{1,16}$/.test(value)) return null;
    const number = Number(value);
    return number <= max ? number : null;
  };
}

// Amounts as a person may type them into the form without JavaScript ("1,5m", "750k").
function amount(max: number, read: (text: string) => number | null) {
  return (value: string) => {
    const number = read(value);
    return number !== null && number <= max ? number : null;
  };
}

function oneOf<T extends string | number>(values: readonly T[]) {
  return (value: string) => values.find((candidate) => String(candidate) === value) ?? null;
}

/** A URL parameter read with `parse` (given the trimmed text; null: unset or unusable) and written with String. */
function param<T>(parse: (value: string) => T | null) {
  return createParser<T>({ parse: (value) => parse(value.trim()), serialize: String });
}

/**
 * The search page's URL parameters, one nuqs parser each, with their defaults (left out of the
 * URL). The same keys as SearchState; `consistentSearch` then applies the rules between them.
 * `rollIds`: the registry's rolls (another roll in the URL reads as the default).
 */
export function searchParsers(defaultRoll: RollId, rollIds: readonly RollId[]) {
  return {
    q: param(text(MAX_QUERY_LENGTH)).withDefault(""),
    roll: param(oneOf(rollIds)).withDefault(defaultRoll),
    title: param(oneOf(["full", "sectional"] as const)),
    suburb: param(text(100)).withDefault(""),
    useCode: param(wholeNumber(9999)),
    ratingCategory: param(text(100)).withDefault(""),
    minValue: param(amount(MAX_RAND, parseRandInput)),
    maxValue: param(amount(MAX_RAND, parseRandInput)),
    minExtent: param(amount(MAX_EXTENT, parseExtentInput)),
    maxExtent: param(amount(MAX_EXTENT, parseExtentInput)),
    sort: param((value) => (SORT_VALUES.includes(value) ? value : null)),
    size: param(oneOf(PAGE_SIZES)).withDefault(DEFAULT_PAGE_SIZE),
    cursor: param((value) => (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value) && value.length <= 2000 ? value : null)),
    page: param((value) => {
      const page = wholeNumber(MAX_PAGE)(value);
      return page !== null && page >= 2 ? page : null;
    }).withDefault(1),
  };
}

/** The rules between parameters: relevance needs a search, a page number needs its cursor. */
export function consistentSearch(state: SearchState): SearchState {
  const sort = state.sort === "relevance" && state.q.length < MIN_QUERY_LENGTH ? null : state.sort;
  // A page number means nothing without the cursor that selects its rows.
  const page = state.cursor !== null ? state.page : 1;
  return sort === state.sort && page === state.page ? state : { ...state, sort, page };
}

/** Reads the page's URL (or a submitted search form: empty fields count as unset); `rolls` are the registry's. */
export function parseSearchState(source: ParamSource, defaultRoll: RollId, rolls: readonly RollOption[]): SearchState {
  return consistentSearch(createLoader(searchParsers(defaultRoll, rolls.map((roll) => roll.id)))(source));
}

/** The filters only (what the CSV export and the count depend on), as API parameters. */
function filterEntries(state: SearchState): [string, string][] {
  const entries: [string, string][] = [];
  const add = (name: string, value: string | number | null) => {
    if (value !== null && value !== "") entries.push([name, String(value)]);
  };
  add("q", state.q.length >= MIN_QUERY_LENGTH ? state.q : null);
  add("title", state.title);
  add("suburb", state.suburb);
  add("useCode", state.useCode);
  add("ratingCategory", state.ratingCategory);
  add("minValue", state.minValue);
  add("maxValue", state.maxValue);
  add("minExtent", state.minExtent);
  add("maxExtent", state.maxExtent);
  return entries;
}

/** The page's own URL query: only what differs from the defaults, in a stable order. */
export function searchStateToParams(state: SearchState, defaultRoll: RollId): URLSearchParams {
  return new URLSearchParams(createSerializer(searchParsers(defaultRoll, [state.roll]))(consistentSearch(state)));
}

/** "/?q=pinetown&sort=-marketValue", or "/" for the blank search. */
export function searchHref(state: SearchState, defaultRoll: RollId): string {
  const query = searchStateToParams(state, defaultRoll).toString();
  return query === "" ? "/" : `/?${query}`;
}

/** The query of GET /api/valuations for this page of results (with the total). */
export function toApiParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams([["roll", state.roll], ...filterEntries(state)]);
  if (state.sort !== null) params.set("sort", state.sort);
  params.set("limit", String(state.size));
  params.set("total", "true");
  if (state.cursor !== null) params.set("cursor", state.cursor);
  return params;
}

/** GET /api/valuations?…&format=csv: every row the filters select, in the table's order. */
export function exportHref(state: SearchState): string {
  const params = new URLSearchParams([["roll", state.roll], ...filterEntries(state)]);
  if (state.sort !== null) params.set("sort", state.sort);
  params.set("format", "csv");
  return `/api/valuations?${params}`;
}

/** The sort in force: the explicit one, else the API's default. */
export function effectiveSort(state: SearchState): string {
  return state.sort ?? (state.q.length >= MIN_QUERY_LENGTH ? "relevance" : "rateNumber");
}

/** Clicking a column's sort button: ascending first, then it flips. */
export function toggledSort(state: SearchState, field: string): string {
  return effectiveSort(state) === field ? `-${field}` : field;
}

/** A new state from a change to the search: any change but paging goes back to the first page. */
export function changeSearch(state: SearchState, patch: Partial<Omit<SearchState, "cursor" | "page">>): SearchState {
  const next = { ...state, ...patch, cursor: null, page: 1 };
  if (next.sort === "relevance" && next.q.length < MIN_QUERY_LENGTH) next.sort = null;
  return next;
}

export function goToPage(state: SearchState, cursor: string | null, page: number): SearchState {
  return cursor === null ? { ...state, cursor: null, page: 1 } : { ...state, cursor, page: Math.max(2, page) };
}

/** True when anything narrows the search beyond the roll. */
export function isNarrowed(state: SearchState): boolean {
  return filterEntries(state).length > 0;
}

/** Identifies the filters and sort (not the page): the results of two states with the same key page alike. */
export function listingKey(state: SearchState): string {
  const params = new URLSearchParams([["roll", state.roll], ...filterEntries(state)]);
  params.set("sort", effectiveSort(state));
  params.set("size", String(state.size));
  return params.toString();
}

/** A short description for the page title: `“pinetown” · Residential · page 2`; in English unless given the page's `t`. */
export function describeSearch(state: SearchState, defaultRoll: RollId, rolls: readonly RollOption[], t: SearchWords = ENGLISH_SEARCH_WORDS): string {
  const parts: string[] = [];
  if (state.q !== "") parts.push(t("title.query", { q: state.q }));
  if (state.suburb !== "") parts.push(state.suburb);
  if (state.title !== null) parts.push(t(`titleTypes.${state.title}`));
  if (state.useCode !== null) parts.push(t("title.useCode", { code: String(state.useCode) }));
  if (state.ratingCategory !== "") parts.push(state.ratingCategory);
  if (state.minValue !== null || state.maxValue !== null) parts.push(t("title.valueRange"));
  if (state.minExtent !== null || state.maxExtent !== null) parts.push(t("title.extentRange"));
  if (state.roll !== defaultRoll) parts.push(rollLabel(rolls, state.roll));
  if (state.page > 1) parts.push(t("title.page", { page: String(state.page) }));
  return parts.join(" · ");
}

/** The search page's title (before the site name): "Search: “kloof” · KLOOF". */
export function searchTitle(state: SearchState, defaultRoll: RollId, rolls: readonly RollOption[], t: SearchWords = ENGLISH_SEARCH_WORDS): string {
  const description = describeSearch(state, defaultRoll, rolls, t);
  return description === "" ? t("title.blank") : t("title.search", { description });
}

export type SortOption = { value: string; label: string };

/** The fields the "Sort by" list offers, in its order (each ascending, then descending). */
const SORT_FIELDS = ["address", "marketValue", "registeredExtent", "rateNumber", "suburbName", "legalDescription", "useCode", "ratingCategory"] as const satisfies readonly SortFieldName[];

/** The choices of the "Sort by" list; "Best match" only when there is a search. */
export function sortOptions(state: SearchState, t: SearchWords = ENGLISH_SEARCH_WORDS): SortOption[] {
  const options = SORT_FIELDS.flatMap((field) => [
    { value: field, label: t(`sort.${field}.ascending`) },
    { value: `-${field}`, label: t(`sort.${field}.descending`) },
  ]);
  return state.q.length >= MIN_QUERY_LENGTH ? [{ value: "relevance", label: t("sort.relevance") }, ...options] : options;
}
