import type { RollId } from "@/lib/rolls/roll-id";
import type { Valuation } from "@/lib/valuations/valuation-schema";

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

export type SearchResults =
  | { kind: "ok"; rows: ResultRow[]; total: number | null; nextCursor: string | null; asAt: string | null }
  | { kind: "invalid"; problems: ParameterProblem[] }
  | { kind: "error"; message: string };

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

const FIELD_NAMES: Record<string, string> = {
  q: "Search",
  roll: "Roll",
  title: "Title type",
  suburb: "Suburb",
  useCode: "Use",
  ratingCategory: "Rating category",
  minValue: "Lowest value",
  maxValue: "Highest value",
  minExtent: "Smallest extent",
  maxExtent: "Largest extent",
  sort: "Sort",
  limit: "Rows per page",
  cursor: "Page link",
};

/** "Highest value must not be less than the lowest value." from the API's parameter error. */
export function describeProblem(problem: ParameterProblem): string {
  const message = problem.message.replace(/\b(minValue|maxValue|minExtent|maxExtent)\b/g, (name) => `the ${(FIELD_NAMES[name] ?? name).toLowerCase()}`);
  return `${FIELD_NAMES[problem.parameter] ?? problem.parameter} ${message}.`;
}
