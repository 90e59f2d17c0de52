import { LayoutError, TruncatedPageError } from "./layout-error";
import {
  assertClosedInSource,
  childElements,
  descendantsNamed,
  firstDescendant,
  hasClass,
  loadHtml,
  nodeText,
  type HtmlElement,
} from "./parse-html";

export const RESULT_COLUMNS = [
  "rateNumber",
  "legalDescription",
  "address",
  "firstOwner",
  "useCode",
  "ratingCategory",
  "marketValue",
  "registeredExtent",
] as const;

export type DisplayedCells = Record<(typeof RESULT_COLUMNS)[number], string>;
export type ResultRow = { cells: DisplayedCells; pin: string | null };
export type ResultsPage =
  | { kind: "rows"; total: number; limitBanner: boolean; rows: ResultRow[] }
  | { kind: "no-match" };

/** The header texts of RESULT_COLUMNS, in order, as the site prints them (trimmed). */
const RESULT_HEADERS = [
  "Rate Number",
  "Legal Description",
  "Address",
  "First Owner",
  "Use Code",
  "Rating Category",
  "Market Value",
  "Registered Extent",
] as const;

const CAPTION_PREFIX = "Search Results";
// The count may carry a thousands separator (comma, space, NBSP or point), and the XSLT leaves a
// space before the closing parenthesis.
const CAPTION_TOTAL = /Total found records:\s*(\d[\d,.\s]*)\)/;
const BANNER_TEXT = "Due to resource constraints";
const NO_MATCH_TEXT = "No Match records found";
const PIN_IN_HREF = /[?&]id=(\d+)(?:&|#|$)/i;

/**
 * Reads SearchResult.aspx: the caption's total, the 1000-row banner and every data row, or the
 * "No Match" answer. Throws LayoutError for any page whose shape is not the known one.
 */
export function parseResultsPage(html: string): ResultsPage {
  const $ = loadHtml(html);
  const tables = $("table.searchResultTable").get();
  const table = tables[0];
  if (!table) {
    // A transfer cut before the table ends without the closing </html> every complete page has.
    if (!/<\/html\s*>/i.test(html)) throw new TruncatedPageError("page truncated: the document ends before the results table");
    throw new LayoutError('results table not found: expected "table.searchResultTable"');
  }
  if (tables.length > 1) throw new LayoutError(`expected one results table, found ${tables.length}`);
  assertClosedInSource(html, table, "the results table");

  let total: number | null = null;
  let limitBanner = false;
  let noMatch = false;
  let headerSeen = false;
  const rows: ResultRow[] = [];

  for (const tr of descendantsNamed(table, "tr")) {
    const headers = childElements(tr, "th");
    const cells = childElements(tr, "td");
    const wideCell = cells.length === 1 && cells[0]?.attribs["colspan"] !== undefined ? cells[0] : null;
    if (headers.length > 0) {
      if (headerSeen) throw new LayoutError("results table has a second header row");
      if (cells.length > 0) throw new LayoutError("results table header row mixes th and td cells");
      checkHeader(headers);
      headerSeen = true;
    } else if (wideCell) {
      // Banner, caption and message rows: one <td colspan="9">, never data.
      const text = nodeText(wideCell).trim();
      if (hasClass(wideCell, "searchResultCaption") || text.startsWith(CAPTION_PREFIX)) {
        if (total !== null) throw new LayoutError("results table has a second caption");
        total = parseCaptionTotal(text);
      } else if (hasClass(tr, "HeaderMessage") || text.startsWith(BANNER_TEXT)) {
        limitBanner = true;
      } else if (hasClass(wideCell, "Message") && text.includes(NO_MATCH_TEXT)) {
        noMatch = true;
      } else {
        throw new LayoutError(`unexpected message row in results table: found "${text.slice(0, 120)}"`);
      }
    } else if (cells.length > 0) {
      if (!headerSeen) throw new LayoutError("results table has a data row before its header row");
      if (cells.length !== RESULT_COLUMNS.length) {
        throw new LayoutError(
          `results row ${rows.length + 1} has ${cells.length} cells, expected ${RESULT_COLUMNS.length}`,
        );
      }
      rows.push(readRow(cells));
    }
  }

  if (noMatch) {
    if (headerSeen || rows.length > 0) throw new LayoutError('results table has both rows and "No Match"');
    if (total !== null && total !== 0) {
      throw new LayoutError(`results caption says ${total} records but the page says "No Match"`);
    }
    return { kind: "no-match" };
  }
  if (total === null) throw new LayoutError('results caption not found: expected "Search Results (Total found records: N)"');
  if (!headerSeen) throw new LayoutError("results table header row not found");
  return { kind: "rows", total, limitBanner, rows };
}

function checkHeader(headers: HtmlElement[]): void {
  if (headers.length !== RESULT_HEADERS.length) {
    throw new LayoutError(
      `results table header changed: expected ${RESULT_HEADERS.length} columns, found ${headers.length}`,
    );
  }
  RESULT_HEADERS.forEach((expected, index) => {
    const header = headers[index];
    const found = header ? nodeText(header).trim() : "";
    if (found.toLowerCase() !== expected.toLowerCase()) {
      throw new LayoutError(
        `results table header changed: expected "${expected}" in column ${index + 1}, found "${found}"`,
      );
    }
  });
}

function parseCaptionTotal(text: string): number {
  const match = CAPTION_TOTAL.exec(text);
  const digits = match?.[1]?.replace(/\D/g, "");
  if (!digits) {
    throw new LayoutError(
      `results caption changed: expected "Search Results (Total found records: N)", found "${text.slice(0, 120)}"`,
    );
  }
  return Number(digits);
}

function readRow(cells: HtmlElement[]): ResultRow {
  const [rateCell, legal, address, owner, useCode, rating, value, extent] = cells as [
    HtmlElement, HtmlElement, HtmlElement, HtmlElement, HtmlElement, HtmlElement, HtmlElement, HtmlElement,
  ];
  // The rate number is the first link's text: when it is empty the cell holds a second link,
  // "Details", which is not a rate number.
  const rateLink = firstDescendant(rateCell, "a");
  const pinLink = rateLink ?? firstDescendant(legal, "a");
  return {
    cells: {
      rateNumber: nodeText(rateLink ?? rateCell).trim(),
      legalDescription: nodeText(legal).trim(),
      address: nodeText(address).trim(),
      firstOwner: nodeText(owner).trim(),
      useCode: nodeText(useCode).trim(),
      ratingCategory: nodeText(rating).trim(),
      marketValue: nodeText(value).trim(),
      registeredExtent: nodeText(extent).trim(),
    },
    pin: pinFromHref(pinLink?.attribs["href"]),
  };
}

function pinFromHref(href: string | undefined): string | null {
  if (href === undefined) return null;
  return PIN_IN_HREF.exec(href)?.[1] ?? null;
}
