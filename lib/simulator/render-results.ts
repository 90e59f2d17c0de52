import { displayedCells } from "./display-property";
import { detailHrefOf } from "./expected-cells";
import { crlf, escapeHtml } from "./html-text";
import type { SimProperty } from "./sim-types";

export const BANNER_THRESHOLD = 1000;
export const BANNER_TEXT =
  "Due to resource constraints this search only returns a maximum of 100 records. If the property you're looking for is unavailable in the list, Please refine the Search";
export const NO_MATCH_TEXT = "No Match records found. Please refine the Search.";

const HEADERS = ["Rate Number ", "Legal Description", "Address", "First Owner", "Use Code", "Rating Category", "Market Value", "Registered Extent"];

export interface RenderedRow {
  /** The 8 cells as text, before HTML escaping. */
  cells: string[];
  /** The detail link with `&` (escaped when written into the attribute). */
  detailHref: string;
}

const defaultRow = (p: SimProperty): RenderedRow => ({ cells: displayedCells(p), detailHref: detailHrefOf(p, false) });

export interface ResultsPageOptions {
  /** The caption's total (may exceed the rows shown when the answer is truncated). */
  total: number;
  /** The banner shows when the caption's total is at least this (default 1000, as in the XSLT). */
  bannerThreshold?: number;
  /** A row's printed cells and detail link (default: the default profile's). */
  rowOf?: (p: SimProperty) => RenderedRow;
  /** The raw query string, echoed in the form's action like ASP.NET does. */
  rawQuery: string;
  /** Layout drift: rename a header (e.g. Market Value → Valuation) or leave the table out. */
  layout?: { kind: "header"; from: string; to: string } | { kind: "no-table" };
}

function pageHead(rawQuery: string): string {
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml">
<head id="Head1"><title>
	Search Result
</title>
    <script language="javascript"  type="text/javascript">try { var f = parent.document.getElementById('frmSearchType'); if (f == null) { location.href ="SearchType.aspx";}f.rows="155,*";function LoadingLayers(){}}catch(e){}</script>
</head>
<body>
    <form method="post" action="./SearchResult.aspx?${escapeHtml(rawQuery)}" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY3NzE5MjIyMGRkZ3Hn0kQ5sC6lHn7Dk0GrjQxq3nY=" />
</div>

<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="B2F8F2AD" />
</div>
    <div align="center">
                             `);
}

const PAGE_TAIL = crlf(`
                            
    </div>
    </form>
</body>
<script language="javascript" type="text/javascript">

    function popUpRatesWindow(MarketValue, CatMapId) {
        try {
            var URL = "../RatesCalculator.aspx?Marketvalue=" + MarketValue + "&CatMapId=" + CatMapId;
            window.open(URL, 'RatesCalculator', 'resizable=no,scrollbars=yes,top=200,left=200,width=520,height=330');
        } catch (e) {
            alert(e.description);
        }

    }


</script>
</html>
`);

function anchorOpen(href: string): string {
  return `<a class="searchResultTblLink" Title="Click to View the property profile" href="${href}" onclick="javascript:LoadingLayers();">`;
}

function renderRow(lines: string[], row: RenderedRow, position: number): void {
  const cells = row.cells.map(escapeHtml);
  const a = anchorOpen(escapeHtml(row.detailHref));
  const details = row.cells[0] === "" ? `${a}Details</a>` : "";
  lines.push(
    `   <tr class="color${position % 2}">`,
    `    <td align="left">${a}`,
    `                            ${cells[0]}`,
    `                          </a>${details}</td>`,
    `    <td align="left">${a}`,
    `                          ${cells[1]}`,
    `                        </a></td>`,
    `    <td align="left">${cells[2]}</td>`,
    `    <td align="left">${cells[3]}</td>`,
    `    <td align="left" width="10%">${cells[4]}</td>`,
    `    <td align="left" width="10%">${cells[5]}</td>`,
    `    <td align="right" style="padding-right:2px">${cells[6]}</td>`,
    `    <td align="right" style="padding-right:2px">${cells[7]}</td>`,
    `   </tr>`,
  );
}

/** The XSLT's part of SearchResult.aspx: its own nested <html><body>, the table, CRLF lines. */
export function renderResultsTable(rows: readonly SimProperty[], options: ResultsPageOptions): string {
  const lines: string[] = ["<html>", "<body>", '<div id="resultPanel">'];
  if (options.layout?.kind === "no-table") {
    lines.push("</div>", "</body>", "</html>");
    return lines.join("\r\n");
  }
  lines.push(' <table border="1" width="100%" align="left" class="searchResultTable" cellspacing="1" cellpadding="0">');
  if (options.total >= (options.bannerThreshold ?? BANNER_THRESHOLD)) {
    lines.push(`  <tr bgcolor="#9acd32" class="HeaderMessage"><td colspan="9" align="center">${escapeHtml(BANNER_TEXT)}</td></tr>`);
  }
  lines.push(`  <tr><td colspan="9" class="searchResultCaption">`, `      Search Results (Total found records: ${options.total})</td></tr>`);
  if (rows.length === 0) {
    lines.push(`  <tr><td colspan="9" class="Message"><b>${NO_MATCH_TEXT}</b></td></tr>`);
  } else {
    const layout = options.layout;
    const th = HEADERS.map((h) => `<th align="left">${layout?.kind === "header" && h.trim() === layout.from ? layout.to : h}</th>`);
    lines.push(
      `  <tr bgcolor="#9acd32" class="SearchResultRowHeader">`,
      `    ${th.slice(0, 3).join("")}`,
      `    ${th.slice(3, 6).join("")}`,
      `    ${th.slice(6).join("")}</tr>`,
      "  <div>",
    );
    const rowOf = options.rowOf ?? defaultRow;
    rows.forEach((p, i) => renderRow(lines, rowOf(p), i + 1));
    lines.push("  </div>");
  }
  lines.push(" </table>", "</div>", "</body>", "</html>");
  return lines.join("\r\n");
}

/** The whole SearchResult.aspx response. */
export function renderResultsPage(rows: readonly SimProperty[], options: ResultsPageOptions): string {
  return pageHead(options.rawQuery) + renderResultsTable(rows, options) + PAGE_TAIL;
}
