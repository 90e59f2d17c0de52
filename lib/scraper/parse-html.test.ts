import { describe, expect, it } from "vitest";
import { TruncatedPageError } from "./layout-error";
import {
  assertClosedInSource,
  childElements,
  descendantsNamed,
  firstDescendant,
  hasClass,
  loadHtml,
  nodeText,
} from "./parse-html";

describe("loadHtml and the node helpers", () => {
  const html =
    '<html><body><table class="searchResultTable  wide"><div><tr class="color1"><td>A<!-- note --> <b>&amp;amp;</b></td><td><a href="x">one</a><a>two</a></td></tr></div></table></body></html>';
  const $ = loadHtml(html);

  it("keeps a div inside a table where the page put it, with its rows", () => {
    const table = $("table").get()[0];
    expect(table && childElements(table).map((element) => element.name)).toEqual(["div"]);
    expect($("table tr").get()).toHaveLength(1);
  });

  it("reads text once-decoded, without comments", () => {
    const cell = $("td").get()[0];
    expect(cell && nodeText(cell)).toBe("A &amp;");
  });

  it("finds children, the first descendant and classes", () => {
    const row = $("tr").get()[0];
    if (!row) throw new Error("row not found");
    const cells = childElements(row, "td");
    expect(cells).toHaveLength(2);
    expect(cells[1] && firstDescendant(cells[1], "a")?.attribs["href"]).toBe("x");
    expect(cells[0] && firstDescendant(cells[0], "a")).toBeNull();
    expect(hasClass(row, "color1")).toBe(true);
    expect(hasClass(row, "color")).toBe(false);
    const table = $("table").get()[0];
    expect(table && hasClass(table, "wide")).toBe(true);
  });

  it("records where each element starts in the source", () => {
    const table = $("table").get()[0];
    expect(table?.startIndex).toBe(html.indexOf("<table"));
  });
});

describe("assertClosedInSource", () => {
  it("passes an element whose closing tag follows it, in any case", () => {
    const html = "<div><select name=a><option>1</option></SELECT ></div>";
    const select = loadHtml(html)("select").get()[0];
    if (!select) throw new Error("select not found");
    expect(() => assertClosedInSource(html, select, "the list")).not.toThrow();
  });

  it("throws TruncatedPageError for an element the source never closes", () => {
    const html = "<div><select name=a><option>1</option><option>2";
    const select = loadHtml(html)("select").get()[0];
    if (!select) throw new Error("select not found");
    expect(() => assertClosedInSource(html, select, "the list")).toThrow(TruncatedPageError);
    expect(() => assertClosedInSource(html, select, "the list")).toThrow(
      'page truncated: the list is not closed (no "</select>" after it)',
    );
  });

  it("does not count a closing tag that comes before the element", () => {
    const html = "<table></table><table><tr><td>cut";
    const second = loadHtml(html)("table").get()[1];
    if (!second) throw new Error("table not found");
    expect(() => assertClosedInSource(html, second, "the results table")).toThrow(/truncated/);
  });
});

describe("descendantsNamed", () => {
  it("finds every row in document order, through wrappers, without entering a match", () => {
    const $ = loadHtml(
      "<table><tr id=a><td>1</td></tr><div><tr id=b><td>2</td></tr><span><tr id=c></tr></span></div></table>",
    );
    const table = $("table").get()[0];
    if (!table) throw new Error("table not found");
    expect(descendantsNamed(table, "tr").map((row) => row.attribs["id"])).toEqual(["a", "b", "c"]);
    expect(descendantsNamed(table, "td")).toHaveLength(2);
    expect(descendantsNamed(table, "th")).toEqual([]);
  });
});
