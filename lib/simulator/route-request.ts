import { createEventValidation, verifyEventValidation } from "./event-validation";
import type { SimSite } from "./generate-site";
import { parseResultQuery } from "./parse-result-query";
import {
  renderBooleanErrorPage,
  renderFormatErrorPage,
  renderInvalidPostbackPage,
  renderNotFoundPage,
  renderNullReferencePage,
  renderObjectMovedPage,
} from "./render-error-pages";
import { renderFullTitleCriteria, renderSectionalCriteria } from "./render-criteria";
import { renderDetailsPage } from "./render-details";
import { renderBlank, renderFooter, renderHeader, renderPropertySearch, renderSearchFrameset } from "./render-frames";
import { renderResultsPage } from "./render-results";
import { renderSearchType, searchTypeAllowedValues } from "./render-search-type";
import { ROLL_META } from "./roll-meta";
import type { RollId } from "./sim-types";

export interface SimResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface RouteOptions {
  truncateAbove: number | null;
  /** Results-page fault: a valid "No Match" answer, or layout drift. */
  resultsFault?: "empty" | "layout-header" | "layout-no-table";
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
  for (const roll of ["gv2022", "gv2017"] as const) {
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
      return ok(renderSectionalCriteria(meta, site.suburbs, site.schemes));
    case "/framepages/searchresult.aspx":
      return searchResult(site, roll, rawQuery, options);
    case "/framepages/searchdeatils.aspx":
      return details(site, roll, rawQuery);
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
  if (options.resultsFault === "empty") return { status: 200, body: renderResultsPage([], { total: 0, rawQuery }) };
  const matches = site.rolls[roll].search(parsed.criteria);
  const shown = options.truncateAbove !== null && matches.length > options.truncateAbove ? matches.slice(0, options.truncateAbove) : matches;
  const layout =
    options.resultsFault === "layout-header"
      ? ({ kind: "header", from: "Market Value", to: "Valuation" } as const)
      : options.resultsFault === "layout-no-table"
        ? ({ kind: "no-table" } as const)
        : undefined;
  return { status: 200, body: renderResultsPage(shown, { total: matches.length, rawQuery, layout }) };
}

function details(site: SimSite, roll: RollId, rawQuery: string): SimResponse {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQuery)) params.set(name.toLowerCase(), value);
  const numeric = (name: string) => /^\s*-?\d+\s*$/.test(params.get(name) ?? "");
  if (!numeric("id") || !numeric("ptype") || !numeric("ftype")) return { status: 500, body: renderFormatErrorPage() };
  const property = site.rolls[roll].byPin((params.get("id") ?? "").trim());
  const title = (params.get("ptype") ?? "").trim() === "2" ? "sectional" : "full";
  return { status: 200, body: renderDetailsPage(property, title, site.deedsTowns) };
}
