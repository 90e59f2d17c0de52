import { Parser, type Handler } from "htmlparser2";
import { LayoutError, TruncatedPageError } from "./layout-error";
import { assertTagClosedAfter } from "./parse-html";
import { DISPLAYED_CELLS, type DisplayedCells } from "@/lib/valuations/displayed-cells";

/** detailHref: the property profile link exactly as the page gives it (entities decoded); rows
 *  made elsewhere (test seeds) may leave it out. */
export type ResultRow = { cells: DisplayedCells; pin: string | null; detailHref?: string | null };
export type ResultsPage =
  | { kind: "rows"; total: number; limitBanner: boolean; rows: ResultRow[] }
  | { kind: "no-match" };

/** The header texts of DISPLAYED_CELLS, in order, as the site prints them (trimmed). */
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

const TABLE_CLASS = "searchResultTable";
const CAPTION_PREFIX = "Search Results";
// The count may carry a thousands separator (comma, space, NBSP or point), and the XSLT leaves a
// space before the closing parenthesis.
const CAPTION_TOTAL = /Total found records:\s*(\d[\d,.\s]*)\)/;
const BANNER_TEXT = "Due to resource constraints";
const NO_MATCH_TEXT = "No Match records found";
const PIN_IN_HREF = /[?&]id=(\d+)(?:&|#|$)/i;
const WHITESPACE = /\s+/;

/**
 * Reads SearchResult.aspx: the caption's total, the 1000-row banner and every data row, or the
 * "No Match" answer. Throws LayoutError for any page whose shape is not the known one.
 *
 * Reads htmlparser2's events as they come instead of building a DOM: a 10,000-row page is tens of
 * thousands of nodes, and building them cost more than reading the rows. The events are those the
 * DOM would be built from (the same implied closes of `<tr>`, `<td>`, the `<div>` inside the table,
 * the nested `<html>`), so the rows, cells and links read here are the DOM's.
 */
export function parseResultsPage(html: string): ResultsPage {
  const reader = new ResultsTableReader();
  new Parser(reader, { decodeEntities: true }).end(html);
  return reader.result(html);
}

/**
 * Follows the parser's open and close events with a depth counter: they pair up, implied closes
 * and void elements included. (A page cut inside a start tag ends with one close more, for the tag
 * never reported open; by then only closes remain, so what closes a step early reads the same text.)
 * Rows are judged as they close, in document order; the first problem is kept and reported only
 * after the page-level checks, which come first.
 */
class ResultsTableReader implements Partial<Handler> {
  private parser: Parser | null = null;
  private depth = 0;
  private tableCount = 0;
  /** Depth of the first results table while it is open, else 0. */
  private tableDepth = 0;
  private tableStart = 0;

  /** Depth of the row being read (a `tr` inside the table, not inside another row), else 0. */
  private rowDepth = 0;
  private rowClass: string | undefined;
  private headers: string[] = [];
  private cells: string[] = [];
  private firstCellColspan = false;
  private firstCellClass: string | undefined;
  /** Depth of the `th` or `td` being read (a child element of the row), else 0. */
  private cellDepth = 0;
  private cellIsHeader = false;
  private cellText = "";
  private cellHasLink = false;
  /** Depth of the first link in the rate number cell while it is open, else 0. */
  private rateLinkDepth = 0;
  private rateLinkText: string | null = null;
  private rateLinkHref: string | undefined;
  private legalLinkHref: string | undefined;

  private total: number | null = null;
  private limitBanner = false;
  private noMatch = false;
  private headerSeen = false;
  private readonly rows: ResultRow[] = [];
  private problem: LayoutError | null = null;

  onparserinit(parser: Parser): void {
    this.parser = parser;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    const depth = ++this.depth;
    if (name === "table" && hasClass(attribs["class"], TABLE_CLASS)) {
      this.tableCount += 1;
      if (this.tableCount === 1) {
        this.tableDepth = depth;
        this.tableStart = this.parser?.startIndex ?? 0;
      }
    } else if (this.tableDepth === 0 || this.problem) {
      return;
    } else if (this.rowDepth === 0) {
      if (name === "tr") this.openRow(depth, attribs["class"]);
    } else if (depth === this.rowDepth + 1) {
      if (name === "th" || name === "td") this.openCell(depth, name === "th", attribs);
    } else if (name === "a" && this.cellDepth !== 0 && !this.cellHasLink) {
      this.openLink(depth, attribs["href"]);
    }
  }

  ontext(text: string): void {
    if (this.cellDepth === 0) return;
    this.cellText += text;
    if (this.rateLinkDepth !== 0) this.rateLinkText += text;
  }

  onclosetag(): void {
    const depth = this.depth--;
    if (depth === this.rateLinkDepth) this.rateLinkDepth = 0;
    if (depth === this.cellDepth) this.closeCell();
    else if (depth === this.rowDepth) this.closeRow();
    else if (depth === this.tableDepth) this.tableDepth = 0;
  }

  private openRow(depth: number, className: string | undefined): void {
    this.rowDepth = depth;
    this.rowClass = className;
    this.headers = [];
    this.cells = [];
    this.rateLinkText = null;
    this.rateLinkHref = undefined;
    this.legalLinkHref = undefined;
  }

  private openCell(depth: number, isHeader: boolean, attribs: Record<string, string>): void {
    this.cellDepth = depth;
    this.cellIsHeader = isHeader;
    this.cellText = "";
    this.cellHasLink = false;
    if (!isHeader && this.cells.length === 0) {
      this.firstCellColspan = attribs["colspan"] !== undefined;
      this.firstCellClass = attribs["class"];
    }
  }

  private openLink(depth: number, href: string | undefined): void {
    this.cellHasLink = true;
    if (this.cellIsHeader) return;
    // cells holds the row's closed td cells, so its length is the open cell's column.
    if (this.cells.length === 0) {
      this.rateLinkDepth = depth;
      this.rateLinkText = "";
      this.rateLinkHref = href;
    } else if (this.cells.length === 1) {
      this.legalLinkHref = href;
    }
  }

  private closeCell(): void {
    this.cellDepth = 0;
    this.rateLinkDepth = 0;
    if (this.cellIsHeader) this.headers.push(this.cellText);
    else this.cells.push(this.cellText);
  }

  private closeRow(): void {
    this.rowDepth = 0;
    try {
      this.readRow();
    } catch (error) {
      if (!(error instanceof LayoutError)) throw error;
      this.problem = error;
    }
  }

  private readRow(): void {
    const { headers, cells } = this;
    const wideCell = cells.length === 1 && this.firstCellColspan;
    if (headers.length > 0) {
      if (this.headerSeen) throw new LayoutError("results table has a second header row");
      if (cells.length > 0) throw new LayoutError("results table header row mixes th and td cells");
      checkHeader(headers);
      this.headerSeen = true;
    } else if (wideCell) {
      // Banner, caption and message rows: one <td colspan="9">, never data.
      const text = (cells[0] ?? "").trim();
      if (hasClass(this.firstCellClass, "searchResultCaption") || text.startsWith(CAPTION_PREFIX)) {
        if (this.total !== null) throw new LayoutError("results table has a second caption");
        this.total = parseCaptionTotal(text);
      } else if (hasClass(this.rowClass, "HeaderMessage") || text.startsWith(BANNER_TEXT)) {
        this.limitBanner = true;
      } else if (hasClass(this.firstCellClass, "Message") && text.includes(NO_MATCH_TEXT)) {
        this.noMatch = true;
      } else {
        throw new LayoutError(`unexpected message row in results table: found "${text.slice(0, 120)}"`);
      }
    } else if (cells.length > 0) {
      if (!this.headerSeen) throw new LayoutError("results table has a data row before its header row");
      if (cells.length !== DISPLAYED_CELLS.length) {
        throw new LayoutError(
          `results row ${this.rows.length + 1} has ${cells.length} cells, expected ${DISPLAYED_CELLS.length}`,
        );
      }
      this.rows.push(this.dataRow(cells));
    }
  }

  private dataRow(cells: string[]): ResultRow {
    const [rateCell, legal, address, owner, useCode, rating, value, extent] = cells as [
      string, string, string, string, string, string, string, string,
    ];
    // The rate number is the first link's text: when it is empty the cell holds a second link,
    // "Details", which is not a rate number.
    const rateLinkFound = this.rateLinkText !== null;
    const href = (rateLinkFound ? this.rateLinkHref : this.legalLinkHref)?.trim() || null;
    return {
      cells: {
        rateNumber: (this.rateLinkText ?? rateCell).trim(),
        legalDescription: legal.trim(),
        address: address.trim(),
        firstOwner: owner.trim(),
        useCode: useCode.trim(),
        ratingCategory: rating.trim(),
        marketValue: value.trim(),
        registeredExtent: extent.trim(),
      },
      pin: href === null ? null : pinFromHref(href),
      detailHref: href,
    };
  }

  result(html: string): ResultsPage {
    if (this.tableCount === 0) {
      // A transfer cut before the table ends without the closing </html> every complete page has.
      if (!/<\/html\s*>/i.test(html)) throw new TruncatedPageError("page truncated: the document ends before the results table");
      throw new LayoutError('results table not found: expected "table.searchResultTable"');
    }
    if (this.tableCount > 1) throw new LayoutError(`expected one results table, found ${this.tableCount}`);
    assertTagClosedAfter(html, "table", this.tableStart, "the results table");
    if (this.problem) throw this.problem;

    if (this.noMatch) {
      if (this.headerSeen || this.rows.length > 0) throw new LayoutError('results table has both rows and "No Match"');
      if (this.total !== null && this.total !== 0) {
        throw new LayoutError(`results caption says ${this.total} records but the page says "No Match"`);
      }
      return { kind: "no-match" };
    }
    if (this.total === null) throw new LayoutError('results caption not found: expected "Search Results (Total found records: N)"');
    if (!this.headerSeen) throw new LayoutError("results table header row not found");
    return { kind: "rows", total: this.total, limitBanner: this.limitBanner, rows: this.rows };
  }
}

function hasClass(classes: string | undefined, className: string): boolean {
  return classes !== undefined && classes.split(WHITESPACE).includes(className);
}

function checkHeader(headers: string[]): void {
  if (headers.length !== RESULT_HEADERS.length) {
    throw new LayoutError(
      `results table header changed: expected ${RESULT_HEADERS.length} columns, found ${headers.length}`,
    );
  }
  RESULT_HEADERS.forEach((expected, index) => {
    const found = (headers[index] ?? "").trim();
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

function pinFromHref(href: string): string | null {
  return PIN_IN_HREF.exec(href)?.[1] ?? null;
}
