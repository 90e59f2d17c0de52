import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LayoutError, TruncatedPageError } from "./layout-error";
import { DISPLAYED_CELLS } from "@/lib/valuations/displayed-cells";
import { parseResultsPage, type ResultsPage } from "./parse-results";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const resultsPage = fixture("results-page.html");
const noMatchPage = fixture("results-no-match.html");

const HEADER_ROW =
  '<tr bgcolor="#9acd32" class="SearchResultRowHeader"><th align="left">Rate Number </th><th align="left">Legal Description</th><th align="left">Address</th><th align="left">First Owner</th><th align="left">Use Code</th><th align="left">Rating Category</th><th align="left">Market Value</th><th align="left">Registered Extent</th></tr>';
const BANNER_ROW =
  '<tr bgcolor="#9acd32" class="HeaderMessage"><td colspan="9" align="center">Due to resource constraints this search only returns a maximum of 100 records. If the property you&#39;re looking for is unavailable in the list, Please refine the Search</td></tr>';
const caption = (count: string) =>
  `<tr><td colspan="9" class="searchResultCaption">\r\n      Search Results (Total found records: ${count})</td></tr>`;
const dataRow = (cells: string[]) => `<tr class="color1">${cells.map((cell) => `<td align="left">${cell}</td>`).join("")}</tr>`;
const link = (pin: string, text: string) =>
  `<a class="searchResultTblLink" Title="Click to View the property profile" href="../FramePages/SearchDeatils.aspx?id=${pin}&amp;PType=1&amp;FType=1">\r\n  ${text}\r\n  </a>`;
const table = (rows: string) =>
  `<html><body><form id="form1"><div align="center"><html><body><div id="resultPanel"><table border="1" class="searchResultTable">${rows}</table></div></body></html></div></form></body></html>`;
const EIGHT = ["1", "2", "3", "4", "5", "6", "7", "8"];

function rowsOf(page: ResultsPage) {
  if (page.kind !== "rows") throw new Error(`expected rows, got ${page.kind}`);
  return page;
}

function layoutError(html: string): LayoutError {
  try {
    parseResultsPage(html);
  } catch (error) {
    if (error instanceof LayoutError) return error;
    throw error;
  }
  throw new Error("expected a LayoutError, the page parsed");
}

describe("parseResultsPage on the XSLT-shaped fixture", () => {
  it("is the shape the site sends: CRLF, nested html/body inside the form, rows wrapped in a div", () => {
    expect(resultsPage).toContain("\r\n");
    expect(resultsPage.match(/<html/g)).toHaveLength(2);
    expect(resultsPage.match(/<body>/g)).toHaveLength(2);
    expect(resultsPage).toMatch(/<div>\r\n\s*<tr class="color1">/);
  });

  it("reads the caption total, no banner, and every row inside the div", () => {
    const page = rowsOf(parseResultsPage(resultsPage));
    expect(page.total).toBe(5);
    expect(page.limitBanner).toBe(false);
    expect(page.rows).toHaveLength(5);
  });

  it("trims cells whose text sits on its own line and keeps the address padding", () => {
    const [first, , third] = rowsOf(parseResultsPage(resultsPage)).rows;
    expect(first).toEqual({
      cells: {
        rateNumber: "05100037",
        legalDescription: "Portion 16 of ERF 74 of AMANZIMTOTI",
        address: "26 SOMERSET WAY, AMANZIMTOTI",
        firstOwner: "CRUCHINHO RUI PEREIRA",
        useCode: "Single Residential (15)",
        ratingCategory: "Residential",
        marketValue: "1,830,000",
        registeredExtent: "1,634",
      },
      pin: "123456",
      detailHref: "../FramePages/SearchDeatils.aspx?id=123456&PType=1&FType=1",
    });
    expect(third?.cells.address).toBe("BRAESIDE ROAD                   , SEA VIEW");
  });

  it("reads an empty rate number, not the extra Details link, and still takes the pin from the link", () => {
    const second = rowsOf(parseResultsPage(resultsPage)).rows[1];
    expect(second?.cells.rateNumber).toBe("");
    expect(second?.pin).toBe("123457");
    expect(second?.cells.marketValue).toBe("");
  });

  it("decodes entities (&amp; &#39; &gt;) and keeps empty cells empty", () => {
    const rows = rowsOf(parseResultsPage(resultsPage)).rows;
    expect(rows[2]?.cells.ratingCategory).toBe("Business & Commercial");
    expect(rows[2]?.cells.firstOwner).toBe("CHETTY'S TYRE BREAKDOWN SERVICE CC");
    expect(rows[3]?.cells).toMatchObject({ useCode: "", ratingCategory: "", marketValue: "", firstOwner: "REGIONAL & LAND AFFAIRS" });
    expect(rows[4]?.cells).toMatchObject({ useCode: "Mixed Use: > 2/3 Residential (42)", registeredExtent: "" });
    expect(rows[4]?.cells.rateNumber).toBe("00053475");
  });

  it("answers the No Match page (caption total 0 and the Message row) with no-match", () => {
    expect(noMatchPage).toContain("\r\n");
    expect(parseResultsPage(noMatchPage)).toEqual({ kind: "no-match" });
  });
});

describe("parseResultsPage quirks", () => {
  it("sets limitBanner from the colspan=9 banner row and never takes it for data", () => {
    const page = rowsOf(parseResultsPage(table(BANNER_ROW + caption("1000") + HEADER_ROW + dataRow(EIGHT))));
    expect(page).toMatchObject({ total: 1000, limitBanner: true });
    expect(page.rows).toHaveLength(1);
  });

  it.each([
    ["1234", 1234],
    ["1,234", 1234],
    ["1 234", 1234],
    ["1&#160;234", 1234],
    ["12,345 ", 12345],
  ])("reads the caption total %s as %i", (count, total) => {
    expect(rowsOf(parseResultsPage(table(caption(count) + HEADER_ROW))).total).toBe(total);
  });

  it("accepts header text in any case and with surrounding spaces", () => {
    const header = HEADER_ROW.replace("Rate Number ", "  RATE NUMBER  ").replace("Address", "\r\n address \r\n");
    expect(rowsOf(parseResultsPage(table(caption("1") + header + dataRow(EIGHT)))).rows).toHaveLength(1);
  });

  it("decodes entities exactly once", () => {
    const cells = ["&amp;amp;", "m&#178;", "O&#39;BRIEN", "A &lt;B&gt;", "&quot;x&quot;", "&nbsp;y&nbsp;", "7", "8"];
    const [row] = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + dataRow(cells)))).rows;
    expect(row?.cells).toMatchObject({
      rateNumber: "&amp;",
      legalDescription: "m²",
      address: "O'BRIEN",
      firstOwner: "A <B>",
      useCode: '"x"',
      ratingCategory: "y",
    });
  });

  it("reads a row without a link with a null pin", () => {
    const [row] = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + dataRow(EIGHT)))).rows;
    expect(row).toEqual({
      cells: Object.fromEntries(DISPLAYED_CELLS.map((column, index) => [column, EIGHT[index]])),
      pin: null,
      detailHref: null,
    });
  });

  it("takes the pin from the legal description link when the rate number cell has none", () => {
    const cells = ["05100037", link("4242", "ERF 1 of X"), "3", "4", "5", "6", "7", "8"];
    const [row] = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + dataRow(cells)))).rows;
    expect(row).toMatchObject({ pin: "4242", cells: { rateNumber: "05100037", legalDescription: "ERF 1 of X" } });
  });

  it("keeps the detail link exactly as given, with the site's own PType and FType", () => {
    const href = "../FramePages/SearchDeatils.aspx?id=77&amp;PType=3&amp;FType=14";
    const cells = [`<a class="searchResultTblLink" href="${href}">05100037</a>`, "2", "3", "4", "5", "6", "7", "8"];
    const [row] = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + dataRow(cells)))).rows;
    expect(row).toMatchObject({ pin: "77", detailHref: "../FramePages/SearchDeatils.aspx?id=77&PType=3&FType=14" });
  });

  it("returns the rows it found even when they fall short of the total (the runner compares)", () => {
    const page = rowsOf(parseResultsPage(table(caption("3") + HEADER_ROW + dataRow(EIGHT))));
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });
});

describe("parseResultsPage refuses pages of unknown shape", () => {
  it("names the changed header column", () => {
    const error = layoutError(resultsPage.replace("Market Value</th>", "Valuation</th>"));
    expect(error).not.toBeInstanceOf(TruncatedPageError);
    expect(error.message).toBe('results table header changed: expected "Market Value" in column 7, found "Valuation"');
  });

  it("refuses a header with a column more or less", () => {
    expect(layoutError(table(caption("1") + HEADER_ROW.replace("</tr>", "<th>Zoning</th></tr>"))).message).toBe(
      "results table header changed: expected 8 columns, found 9",
    );
    expect(layoutError(table(caption("1") + HEADER_ROW.replace('<th align="left">Address</th>', ""))).message).toMatch(
      /expected 8 columns, found 7/,
    );
  });

  it("refuses headers in another order", () => {
    const swapped = HEADER_ROW.replace("Legal Description", "TMP").replace(">Address<", ">Legal Description<").replace("TMP", "Address");
    expect(layoutError(table(caption("1") + swapped)).message).toMatch(/expected "Legal Description" in column 2, found "Address"/);
  });

  it("refuses a data row with other than 8 cells", () => {
    expect(layoutError(table(caption("1") + HEADER_ROW + dataRow([...EIGHT, "9"]))).message).toBe(
      "results row 1 has 9 cells, expected 8",
    );
    expect(layoutError(table(caption("2") + HEADER_ROW + dataRow(EIGHT) + dataRow(EIGHT.slice(1)))).message).toBe(
      "results row 2 has 7 cells, expected 8",
    );
  });

  it("refuses a page with neither caption nor No Match message", () => {
    expect(layoutError(table(HEADER_ROW + dataRow(EIGHT))).message).toMatch(/results caption not found/);
    expect(layoutError(table("")).message).toMatch(/results caption not found/);
  });

  it("refuses a caption it cannot read", () => {
    const html = table('<tr><td colspan="9" class="searchResultCaption">Search Results (Total: many)</td></tr>' + HEADER_ROW);
    expect(layoutError(html).message).toMatch(/results caption changed/);
  });

  it("refuses a caption with rows but no header", () => {
    expect(layoutError(table(caption("1"))).message).toBe("results table header row not found");
    expect(layoutError(table(caption("1") + dataRow(EIGHT))).message).toMatch(/data row before its header/);
  });

  it("refuses No Match next to rows or a non-zero total", () => {
    const message = '<tr><td colspan="9" class="Message"><b>No Match records found. Please refine the Search.</b></td></tr>';
    expect(layoutError(table(caption("0") + HEADER_ROW + dataRow(EIGHT) + message)).message).toMatch(/both rows and "No Match"/);
    expect(layoutError(table(caption("4") + message)).message).toMatch(/says 4 records/);
  });

  it("refuses an unknown message row", () => {
    expect(layoutError(table(caption("1") + '<tr><td colspan="9">Service unavailable</td></tr>' + HEADER_ROW)).message).toBe(
      'unexpected message row in results table: found "Service unavailable"',
    );
  });

  it("refuses a page without the results table (an ASP.NET error page)", () => {
    const html = "<html><body><h1>Server Error in '/' Application.</h1><h2><i>Object reference not set to an instance of an object.</i></h2></body></html>";
    const error = layoutError(html);
    expect(error.message).toBe('results table not found: expected "table.searchResultTable"');
    expect(error).not.toBeInstanceOf(TruncatedPageError);
  });

  it("refuses a page with two results tables", () => {
    expect(layoutError(table(caption("0")) + table(caption("0"))).message).toMatch(/expected one results table, found 2/);
  });
});

describe("parseResultsPage on a cut-off transfer", () => {
  it("throws 'truncated' when the body stops inside the table, wherever it stops", () => {
    const tableEnd = resultsPage.indexOf("</table>");
    const tableStart = resultsPage.indexOf("<table");
    // Cuts inside a cell value, inside a tag, between rows, and right before </table>.
    const cuts = [
      resultsPage.indexOf("1,634") + 3,
      resultsPage.indexOf("<td", resultsPage.indexOf('class="color0"')) + 5,
      resultsPage.lastIndexOf("</tr>") + 5,
      tableEnd,
      tableStart + 20,
      resultsPage.indexOf("<form") + 10,
      0,
    ];
    for (const cut of cuts) {
      const error = layoutError(resultsPage.slice(0, cut));
      expect(error).toBeInstanceOf(TruncatedPageError);
      expect(error.message).toMatch(/truncated/);
    }
  });

  it("accepts a body cut after the table closed: every row is complete", () => {
    const cut = resultsPage.indexOf("</table>") + "</table>".length;
    expect(rowsOf(parseResultsPage(resultsPage.slice(0, cut))).rows).toHaveLength(5);
  });
});

// The reader follows the parser's events without building a DOM; these pages check that it sees
// the rows and cells the DOM would have, where the markup leaves them implied or hides markup.
describe("parseResultsPage on loose markup", () => {
  const cells = (row: { cells: Record<string, string> } | undefined) => row && Object.values(row.cells);

  it("reads cells and rows whose closing tags are left out", () => {
    const rows = '<tr class="color1"><td>1<td>2<td>3<td>4<td>5<td>6<td>7<td>8' + '<tr class="color0"><td>a<td>b<td>c<td>d<td>e<td>f<td>g<td>h';
    const page = rowsOf(parseResultsPage(table(caption("2") + HEADER_ROW + rows)));
    expect(page.rows.map(cells)).toEqual([EIGHT, ["a", "b", "c", "d", "e", "f", "g", "h"]]);
  });

  it("refuses a row where an unclosed element inside a cell swallows the cells after it", () => {
    const row = `<tr class="color1"><td><span>1<td>2</td>${"<td>x</td>".repeat(6)}</tr>`;
    expect(layoutError(table(caption("1") + HEADER_ROW + row)).message).toBe("results row 1 has 1 cells, expected 8");
  });

  it("skips comments in cells, even one holding a closing table tag and a row", () => {
    const row = dataRow(["05<!-- </table><tr><td>x</td></tr> -->100037", "2<!---->", ...EIGHT.slice(2)]);
    const [first] = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + row))).rows;
    expect(cells(first)).toEqual(["05100037", "2", ...EIGHT.slice(2)]);
  });

  it("ends the table at a stray </table> inside a cell, and refuses the row it cut", () => {
    const html = table(caption("2") + HEADER_ROW + dataRow(["1", "2 </table> two", ...EIGHT.slice(2)]) + dataRow(EIGHT));
    expect(layoutError(html).message).toBe("results row 1 has 2 cells, expected 8");
  });

  it("reads upper-case tags and attributes", () => {
    const row = `<TR CLASS="color1"><TD><A HREF="x?ID=42&amp;P=1">  05100037 </A></TD>${EIGHT.slice(1).map((cell) => `<TD>${cell}</TD>`).join("")}</TR>`;
    const html = table(caption("1") + HEADER_ROW + row).replace('<table border="1" class="searchResultTable">', '<TABLE CLASS="searchResultTable">');
    const [first] = rowsOf(parseResultsPage(html)).rows;
    expect(first).toMatchObject({ pin: "42", cells: { rateNumber: "05100037" } });
  });

  it("takes a table nested in a cell as that cell's content, not as rows", () => {
    const nested = '<table><tr><td><a href="?id=9">05100037</a></td><td>x</td></tr></table>';
    const page = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + dataRow([nested, ...EIGHT.slice(1)]))));
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ pin: "9", cells: { rateNumber: "05100037", legalDescription: "2" } });
  });

  it("keeps the text around void elements and a stray </br>", () => {
    const [first] = rowsOf(parseResultsPage(table(caption("1") + HEADER_ROW + dataRow(["1<br>2</br>3<img src=x>", ...EIGHT.slice(1)])))).rows;
    expect(first?.cells.rateNumber).toBe("123");
  });

  it("refuses a page cut inside a start tag, even after a comment that mentions </table>", () => {
    const html = table(caption("1") + HEADER_ROW + dataRow([link("9", "1"), ...EIGHT.slice(1)]));
    const cut = html.indexOf("?id=9") + 3;
    expect(layoutError(html.slice(0, cut))).toBeInstanceOf(TruncatedPageError);
    const commented = html.replace(HEADER_ROW, `${HEADER_ROW}<!-- </table> -->`);
    expect(layoutError(commented.slice(0, commented.indexOf("?id=9") + 3)).message).toBe("results row 1 has 1 cells, expected 8");
  });
});
