import { formatterFor, type Formatter } from "@/lib/i18n/formatter";
import type { RollId } from "@/lib/rolls/roll-id";
import type { Valuation } from "@/lib/valuations/valuation-schema";
import type { SearchState } from "./search-state";
import { ENGLISH_SEARCH_WORDS, type SearchWords } from "./search-words";

// One page of search results as the search page shows it, whether the server read it from the
// database or the browser fetched it from GET /api/valuations. Rows carry only what the table
// shows, to keep the page light on a slow connection.

export type ResultRow = {
  /** Unique within a roll: title type and rate number. */
  key: string;
  rateNumber: string;
  titleType: "full" | "sectional";
  address: string;
  suburbName: string;
  legalDescription: string;
  useCode: number | null;
  useDescription: string | null;
  ratingCategory: string | null;
  marketValue: number | null;
  registeredExtent: number | null;
  /** This app's property page. */
  href: string;
};

export type ParameterProblem = { parameter: string; message: string };

/** Why a page of results could not be loaded (the page says it in its language). */
export type SearchFailure =
  | { reason: "rateLimited"; retryAfterSeconds: string | null }
  | { reason: "status"; status: number }
  | { reason: "unreachable" };

export type SearchResults =
  | { kind: "ok"; rows: ResultRow[]; total: number | null; nextCursor: string | null; asAt: string | null }
  | { kind: "invalid"; problems: ParameterProblem[] }
  | { kind: "error"; failure: SearchFailure };

/** The status line over the results: "3 003 properties found. Showing 1–25." */
export function statusLine(results: SearchResults, state: Pick<SearchState, "page" | "size">, t: SearchWords = ENGLISH_SEARCH_WORDS, format: Formatter = formatterFor("en")): string {
  if (results.kind !== "ok") return t("status.noResults");
  if (results.rows.length === 0) return t("status.noneFound");
  const first = (state.page - 1) * state.size + 1;
  const last = first + results.rows.length - 1;
  const range = { first: format.number(first), last: format.number(last) };
  return results.total === null ? t("status.range", range) : t("status.found", { n: results.total, count: format.number(results.total), ...range });
}

/** "Too many searches in one minute. Wait 30 seconds and try again." */
export function describeFailure(failure: SearchFailure, t: SearchWords = ENGLISH_SEARCH_WORDS): string {
  switch (failure.reason) {
    case "rateLimited":
      return failure.retryAfterSeconds ? t("error.rateLimited", { seconds: failure.retryAfterSeconds }) : t("error.rateLimitedMoment");
    case "status":
      return t("error.status", { status: String(failure.status) });
    case "unreachable":
      return t("error.unreachable");
  }
}

/** "/valuations/96150534?title=full" (the roll only when it is not the default). */
export function propertyPath(property: { rateNumber: string; roll: RollId; titleType: "full" | "sectional" }, defaultRoll: RollId): string {
  const params = new URLSearchParams();
  if (property.roll !== defaultRoll) params.set("roll", property.roll);
  params.set("title", property.titleType);
  return `/valuations/${encodeURIComponent(property.rateNumber)}?${params}`;
}

export function toResultRow(valuation: Valuation, defaultRoll: RollId): ResultRow {
  return {
    key: `${valuation.titleType}:${valuation.rateNumber}`,
    rateNumber: valuation.rateNumber,
    titleType: valuation.titleType,
    address: valuation.address,
    suburbName: valuation.suburbName,
    legalDescription: valuation.legalDescription,
    useCode: valuation.useCode,
    useDescription: valuation.useDescription,
    ratingCategory: valuation.ratingCategory,
    marketValue: valuation.marketValue,
    registeredExtent: valuation.registeredExtent,
    href: propertyPath(valuation, defaultRoll),
  };
}

/** The cursor in the API's `next` URL. */
export function cursorOfNext(next: string | null): string | null {
  if (next === null) return null;
  return new URL(next, "http://localhost").searchParams.get("cursor");
}

/** The parameters the page can name in a problem, with their names in the catalogue (search.invalid.fields). */
const FIELDS = ["q", "roll", "title", "suburb", "useCode", "ratingCategory", "minValue", "maxValue", "minExtent", "maxExtent", "sort", "limit", "cursor"] as const;
type Field = (typeof FIELDS)[number];

const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** The server's own message for a page link (cursor) that no longer works (lib/pages/load-search-results). */
export const CURSOR_EXPIRED = "has expired: start again from the first page";

/**
 * "Highest value must not be less than the lowest value." from the API's parameter error. The
 * problems the page's own form can cause are in the catalogue; any other keeps the API's own
 * (English) words after the parameter's name.
 */
export function describeProblem(problem: ParameterProblem, t: SearchWords = ENGLISH_SEARCH_WORDS): string {
  const { parameter, message } = problem;
  if (parameter === "maxValue" && message === "must not be less than minValue") return t("invalid.maxValueBelowMin");
  if (parameter === "maxExtent" && message === "must not be less than minExtent") return t("invalid.maxExtentBelowMin");
  if (parameter === "cursor") return message === CURSOR_EXPIRED ? t("invalid.cursorExpired") : t("invalid.cursorInvalid", { message });
  const english = message.replace(/\b(minValue|maxValue|minExtent|maxExtent)\b/g, (name) => `the ${ENGLISH_SEARCH_WORDS(`invalid.fields.${name as Field}`).toLowerCase()}`);
  return t("invalid.problem", { field: isField(parameter) ? t(`invalid.fields.${parameter}`) : parameter, message: english });
}
