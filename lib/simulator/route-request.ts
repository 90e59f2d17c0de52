import { createEventValidation, verifyEventValidation } from "./event-validation";
import type { SimSite } from "./generate-site";
import { parseResultQuery } from "./parse-result-query";
import { expectedCells } from "./expected-cells";
import { formatXsltNumber } from "./format-number";
import { oddCellOf } from "./odd-cells";
import { DEFAULT_PROFILE_BEHAVIOUR, type RealBehaviour } from "./real-behaviour";
import {
  renderBooleanErrorPage,
  renderFormatErrorPage,
  renderIndexOutOfRangePage,
  renderInvalidPostbackPage,
  renderOverflowPage,
  renderNotFoundPage,
  renderNullReferencePage,
  renderObjectMovedPage,
} from "./render-error-pages";
import { renderFullTitleCriteria, renderSectionalCriteria } from "./render-criteria";
import { renderDetailsPage } from "./render-details";
import { renderBlank, renderFooter, renderHeader, renderPropertySearch, renderSearchFrameset } from "./render-frames";
import { renderResultsPage } from "./render-results";
import { renderSearchType, searchTypeAllowedValues } from "./render-search-type";
import { ROLL_IDS, ROLL_META } from "./roll-meta";
import { unsortedRows } from "./row-order";
import type { RollId, SearchCriteria, SimProperty } from "./sim-types";

export interface SimResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Results pages: the data rows the answer carries (drives the first-byte delay). */
  rowsSent?: number;
  /** A real-site behaviour that shaped this answer (recorded in the request log). */
  fault?: "transient-no-match";
}

export interface RouteOptions {
  truncateAbove: number | null;
  /** Results-page fault: a valid "No Match" answer, or layout drift. */
  resultsFault?: "empty" | "layout-header" | "layout-no-table";
  /** The real-site switches (default: the default profile's, all off). */
  behaviour?: RealBehaviour;
  /** Whether a query for a populated suburb answers a transient "No Match" now (counts the ask). */
  takeTransientNoMatch?: (roll: RollId, criteria: SearchCriteria) => boolean;
}

export interface SimRequestInput {
  method: string;
  /** Path and raw query as received (`/gv2017/FramePages/SearchResult.aspx?Roll=1&…`). */
  url: string;
  body: string;
}

/** Splits `/gv2017/framepages/x.aspx` into the roll and the page path (lower case, like IIS). */
export function resolveRoll(path: string): { roll: RollId; prefix: string; page: string } {
  const lower = path.toLowerCase();
  for (const roll of ROLL_IDS) {
    if (lower === `/${roll}` || lower.startsWith(`/${roll}/`)) {
      return { roll, prefix: `/${roll}`, page: lower.slice(roll.length + 1) };
    }
  }
  return { roll: "gv2022", prefix: "", page: lower };
}

const VIEW_STATE = "/wEPDwUKMTIxNDIyOTM0Mg9kFgJmD2QWAgIDD2QWAgIBDxBkZBYBZmRkGHIvzvyrG0EGMxJ1UVuT3m4v5PY=";

function eventValidationSecret(site: SimSite, roll: RollId): string {
  return `simulator:${site.seed}:${roll}`;
}

/** Answers one request from the site's data (no I/O). */
export function routeRequest(site: SimSite, request: SimRequestInput, options: RouteOptions): SimResponse {
  const q = request.url.indexOf("?");
  const path = q >= 0 ? request.url.slice(0, q) : request.url;
  const rawQuery = q >= 0 ? request.url.slice(q + 1) : "";
  const { roll, prefix, page } = resolveRoll(path);
  const meta = ROLL_META[roll];
  const ok = (body: string): SimResponse => ({ status: 200, body });

  switch (page) {
    case "":
      // IIS redirects a folder without its trailing slash, so relative frame links stay in the roll.
      return { status: 301, body: renderObjectMovedPage(`${prefix}/`), headers: { Location: `${prefix}/` } };
    case "/":
    case "/propertysearch.htm":
      return ok(renderPropertySearch(meta));
    case "/framepages/header.aspx":
      return ok(renderHeader(meta));
    case "/framepages/footer.aspx":
      return ok(renderFooter());
    case "/framepages/blank.htm":
      return ok(renderBlank());
    case "/framepages/searchtype.aspx":
      return searchType(site, roll, prefix, request);
    case "/framepages/search.aspx":
      return ok(renderSearchFrameset(meta, "SearchCrit.aspx"));
    case "/framepages/search2.aspx":
      return ok(renderSearchFrameset(meta, "SearchCrit2.aspx"));
    case "/framepages/searchcrit.aspx":
      return ok(renderFullTitleCriteria(meta, site.suburbs, site.deedsTowns));
    case "/framepages/searchcrit2.aspx":
      return ok(renderSectionalCriteria(meta, site.suburbs, site.rolls[roll].schemesListed()));
    case "/framepages/searchresult.aspx":
      return searchResult(site, roll, rawQuery, options);
    case "/framepages/searchdeatils.aspx":
      return (options.behaviour ?? DEFAULT_PROFILE_BEHAVIOUR).detailTypesFromData
        ? detailsByPosition(site, roll, rawQuery, options.behaviour ?? DEFAULT_PROFILE_BEHAVIOUR)
        : details(site, roll, rawQuery, options.behaviour ?? DEFAULT_PROFILE_BEHAVIOUR);
    default:
      return { status: 404, body: renderNotFoundPage() };
  }
}

function searchType(site: SimSite, roll: RollId, prefix: string, request: SimRequestInput): SimResponse {
  const secret = eventValidationSecret(site, roll);
  const allowed = searchTypeAllowedValues();
  const render = (showRequired: boolean, selected?: string) =>
    renderSearchType(ROLL_META[roll], { eventValidation: createEventValidation(secret, allowed), viewState: VIEW_STATE, showRequired, selected });
  if (request.method !== "POST") return { status: 200, body: render(false) };

  const form = new URLSearchParams(request.body);
  const validValues = verifyEventValidation(secret, form.get("__EVENTVALIDATION"));
  if (!validValues) return { status: 500, body: renderInvalidPostbackPage() };
  const choice = form.get("drpSearchType");
  if (choice !== null && !validValues.includes(`drpSearchType=${choice}`)) return { status: 500, body: renderInvalidPostbackPage() };
  const go = form.get("btnGo");
  if (go !== null && !validValues.includes(`btnGo=${go}`)) return { status: 500, body: renderInvalidPostbackPage() };
  if (go === null) return { status: 200, body: render(false, choice ?? "") };
  if (choice === null || choice === "") return { status: 200, body: render(true) };
  const location = `${prefix}/FramePages/${choice === "1" ? "Search.aspx" : "Search2.aspx"}`;
  return { status: 302, body: renderObjectMovedPage(location), headers: { Location: location } };
}

function searchResult(site: SimSite, roll: RollId, rawQuery: string, options: RouteOptions): SimResponse {
  const parsed = parseResultQuery(rawQuery);
  if (!parsed.ok) {
    const body =
      parsed.error === "bad-number" ? renderFormatErrorPage() : parsed.error === "bad-boolean" ? renderBooleanErrorPage() : renderNullReferencePage();
    return { status: 500, body };
  }
  const behaviour = options.behaviour ?? DEFAULT_PROFILE_BEHAVIOUR;
  const criteria = parsed.criteria;
  const noMatch = (fault?: SimResponse["fault"]): SimResponse => ({
    status: 200,
    body: renderResultsPage([], { total: 0, rawQuery }),
    rowsSent: 0,
    ...(fault ? { fault } : {}),
  });
  if (options.resultsFault === "empty") return noMatch();
  // "Show whole scheme" is the only sender of All=true; without a scheme its query matches nothing.
  if (criteria.all && criteria.schemeName === "" && behaviour.allWithoutScheme === "no-match") return noMatch();
  let matches = site.rolls[roll].search(criteria);
  if (matches.length > 0 && options.takeTransientNoMatch?.(roll, criteria)) return noMatch("transient-no-match");
  if (behaviour.unsorted) matches = unsortedRows(matches, site.seed, criteria);
  const limits = [options.truncateAbove, behaviour.answerCap].filter((n): n is number => n !== null);
  const limit = limits.length > 0 ? Math.min(...limits) : null;
  const shown = limit !== null && matches.length > limit ? matches.slice(0, limit) : matches;
  const layout =
    options.resultsFault === "layout-header"
      ? ({ kind: "header", from: "Market Value", to: "Valuation" } as const)
      : options.resultsFault === "layout-no-table"
        ? ({ kind: "no-table" } as const)
        : undefined;
  const body = renderResultsPage(shown, {
    total: behaviour.captionCountsSent ? shown.length : matches.length,
    bannerThreshold: behaviour.bannerThreshold,
    rowOf: (p) => expectedCells(p, behaviour, site.seed),
    rawQuery,
    layout,
  });
  return { status: 200, body, rowsSent: shown.length };
}

/** The details page prints a property's odd database value as its XSLT does (`####,###.##`). */
function oddDetailNumbers(site: SimSite, p: SimProperty | undefined, behaviour: RealBehaviour): { marketValue?: string; registeredExtent?: string } {
  const odd = p ? oddCellOf(site.seed, p, behaviour.oddCells.share) : null;
  return odd ? { [odd.column]: formatXsltNumber(odd.value, "####,###.##") } : {};
}

function details(site: SimSite, roll: RollId, rawQuery: string, behaviour: RealBehaviour): SimResponse {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQuery)) params.set(name.toLowerCase(), value);
  const numeric = (name: string) => /^\s*-?\d+\s*$/.test(params.get(name) ?? "");
  if (!numeric("id") || !numeric("ptype") || !numeric("ftype")) return { status: 500, body: renderFormatErrorPage() };
  const property = site.rolls[roll].byPin((params.get("id") ?? "").trim());
  const title = (params.get("ptype") ?? "").trim() === "2" ? "sectional" : "full";
  return { status: 200, body: renderDetailsPage(property, title, site.deedsTowns, oddDetailNumbers(site, property, behaviour)) };
}

/** `Int32.Parse`: surrounding white space and a sign allowed, 32-bit range. */
function parseInt32(text: string): number | "format" | "overflow" {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) return "format";
  const value = Number(text.trim());
  return value < -2_147_483_648 || value > 2_147_483_647 ? "overflow" : value;
}

/**
 * The live details page reads its query string by position (`QueryString[0..2]`) as integers, finds
 * the property by id, and renders it by its own title type; the names and PType/FType values do
 * not matter, but three integers must be there.
 */
function detailsByPosition(site: SimSite, roll: RollId, rawQuery: string, behaviour: RealBehaviour): SimResponse {
  const values = [...new URLSearchParams(rawQuery).values()];
  if (values.length < 3) return { status: 500, body: renderIndexOutOfRangePage() };
  const parsed = values.slice(0, 3).map(parseInt32);
  if (parsed.includes("format")) return { status: 500, body: renderFormatErrorPage() };
  if (parsed.includes("overflow")) return { status: 500, body: renderOverflowPage() };
  const property = site.rolls[roll].byPin(String(parsed[0]));
  return { status: 200, body: renderDetailsPage(property, property?.titleType ?? "full", site.deedsTowns, oddDetailNumbers(site, property, behaviour)) };
}
