import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LayoutError, TruncatedPageError } from "./layout-error";
import { parseCriteriaPage, parseSearchTypePage } from "./parse-criteria";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseCriteriaPage on SearchCrit.aspx (Full Title)", () => {
  const page = parseCriteriaPage(fixture("search-crit.html"));

  it("lists suburbs by id and decoded, collapsed name, without the placeholder or commented-out options", () => {
    expect(page.suburbs).toEqual([
      { id: "22136", name: "AMANZIMTOTI" },
      { id: "22001", name: "BALGOWRIE No 14189 & BARTLETT" },
      { id: "22002", name: "BELVEDERE" },
      { id: "22003", name: "BELVEDERE" },
      { id: "22004", name: "SEA VIEW" },
      { id: "22005", name: "TONGAAT BEACH RURAL" },
    ]);
  });

  it("lists deeds towns and volumes, and no schemes", () => {
    expect(page.deedsTowns).toEqual([
      { id: "3011", name: "COTTON LANDS NO. 1575" },
      { id: "3012", name: "Farm S & T No 4688" },
    ]);
    expect(page.volumes).toEqual(["01", "02", "89"]);
    expect(page.schemes).toEqual([]);
  });
});

describe("parseCriteriaPage on SearchCrit2.aspx (Sectional Title)", () => {
  const page = parseCriteriaPage(fixture("search-crit2.html"));

  it("takes scheme names from the option text (every value is 1), entities decoded", () => {
    expect(page.schemes).toEqual([
      "SS 1 HAWTHORN ROAD",
      "SS 4 A B & C THE AVENUE",
      "SS ALEC'S MEWS",
      "SS C'EST LA VIE",
      "SS 73,75 MADELINE ROAD",
    ]);
  });

  it("lists suburbs and volumes, and no deeds towns", () => {
    expect(page.suburbs).toEqual([
      { id: "22136", name: "AMANZIMTOTI" },
      { id: "22140", name: "UMHLANGA" },
    ]);
    expect(page.deedsTowns).toEqual([]);
    expect(page.volumes).toEqual(["01", "02"]);
  });

  it("lists a scheme offered twice once", () => {
    const html = fixture("search-crit2.html").replace(
      '<option value="1">SS 1 HAWTHORN ROAD</option>',
      '<option value="1">SS 1 HAWTHORN ROAD</option><option value="1">SS 1 HAWTHORN ROAD</option>',
    );
    expect(parseCriteriaPage(html).schemes.filter((name) => name === "SS 1 HAWTHORN ROAD")).toHaveLength(1);
  });

  it("reads options without closing tags and inside an optgroup", () => {
    const html =
      '<select name="drpSuburb"><option value="">[--Select Suburb--]<option value="7">A<optgroup label="x"><option value="8">B</optgroup></select>';
    expect(parseCriteriaPage(html).suburbs).toEqual([
      { id: "7", name: "A" },
      { id: "8", name: "B" },
    ]);
  });
});

describe("parseCriteriaPage refuses pages of unknown shape", () => {
  it("throws LayoutError without select[name=drpSuburb]", () => {
    const html = fixture("search-crit.html").replace('name="drpSuburb"', 'name="drpArea"');
    expect(() => parseCriteriaPage(html)).toThrow(LayoutError);
    expect(() => parseCriteriaPage(html)).toThrow('expected "select[name=drpSuburb]"');
  });

  it("throws 'truncated' when the suburb list is cut off", () => {
    const html = fixture("search-crit.html");
    const cut = html.slice(0, html.indexOf("BELVEDERE"));
    expect(() => parseCriteriaPage(cut)).toThrow(TruncatedPageError);
    expect(() => parseCriteriaPage(cut)).toThrow(/truncated: the suburb list is not closed/);
  });

  it("throws 'truncated' when the scheme list is cut off", () => {
    const html = fixture("search-crit2.html");
    expect(() => parseCriteriaPage(html.slice(0, html.indexOf("SS ALEC")))).toThrow(/truncated: the scheme list/);
  });
});

describe("parseSearchTypePage", () => {
  const page = parseSearchTypePage(fixture("search-type.html"));

  it("collects every named input with its decoded value", () => {
    expect(page.fields).toEqual({
      __EVENTTARGET: "",
      __EVENTARGUMENT: "",
      __VIEWSTATE:
        "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAgIBD2QWAgIBDxAPFgIeC18hRGF0YUJvdW5kZ2RkZGQYAQUeX19Db250cm9sc1JlcXVpcmVQb3N0QmFja0tleV9fFgA=",
      __VIEWSTATEGENERATOR: "2B5E4D7A",
      __EVENTVALIDATION: "/wEdAAVz+k2bq0LXw3zU9Lc8l0f1ZVs5Y3mKp&Q==",
      btnGo: "Go",
    });
  });

  it("lists the two rolls without the blank option", () => {
    expect(page.rollOptions).toEqual([
      { value: "1", text: "Full Title Property" },
      { value: "2", text: "Sectional Title Property" },
    ]);
  });

  it("reads the data-as-at dates as ISO dates", () => {
    expect(page.asAt).toEqual({ valuations: "2022-02-11", ownership: "2022-02-11" });
  });

  it("reads dates that differ, in any layout, and null when a date is missing or impossible", () => {
    const html = (valuations: string, ownership: string) =>
      `<select name="drpSearchType"><option value="1">Full Title Property</option></select>` +
      `<table><tr><td>Property Register and Market Valuations :</td><td><b>${valuations}</b></td></tr>` +
      `<tr><td>Ownership Information :</td><td><b>${ownership}</b></td></tr></table>`;
    expect(parseSearchTypePage(html("3 Sep 2021", "1 July 2022")).asAt).toEqual({
      valuations: "2021-09-03",
      ownership: "2022-07-01",
    });
    expect(parseSearchTypePage(html("31 February 2022", "soon")).asAt).toEqual({ valuations: null, ownership: null });
    expect(parseSearchTypePage('<select name="drpSearchType"></select>').asAt).toEqual({
      valuations: null,
      ownership: null,
    });
  });

  it("throws LayoutError without the roll select", () => {
    const html = fixture("search-type.html").replace('name="drpSearchType"', 'name="drpRoll"');
    expect(() => parseSearchTypePage(html)).toThrow(LayoutError);
  });
});
