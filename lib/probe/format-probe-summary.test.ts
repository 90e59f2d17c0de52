import { describe, expect, it } from "vitest";
import { formatProbeSummary } from "./format-probe-summary";
import type { ProbeReport } from "./probe-report";

const report: ProbeReport = {
  version: 1,
  roll: "gv2022",
  baseUrl: "http://valuation2022.durban.gov.za/",
  userAgent: "DurbanValuationRollExplorer/0.1",
  startedAt: "2026-12-03T08:00:00.000Z",
  finishedAt: "2026-12-03T08:00:09.000Z",
  verdict: "degraded",
  explanations: ["the site answered HTTP 500 with a database error on the details page: the municipality's database is down; try later (a scrape without --details does not need it)"],
  notes: ["All=false (as the site's form sends it): 12 rows; All=true: No Match: the site answers differently, and the scraper sends All=false as the form does."],
  reachable: true,
  redirects: [],
  httpToHttps: false,
  tls: { kind: "plain-http" },
  pages: [
    { label: "home page", url: "http://valuation2022.durban.gov.za/", status: 200, firstByteMs: 120, totalMs: 130, bytes: 735, contentType: "text/html", charset: null, redirects: [], failure: null, error: null },
    { label: "details page", url: "http://valuation2022.durban.gov.za/FramePages/SearchDeatils.aspx?id=1&PType=1&FType=1", status: 500, firstByteMs: 2_345, totalMs: 2_400, bytes: 1_834_500, contentType: "text/html; charset=utf-8", charset: "utf-8", redirects: [], failure: "database-down", error: "HTTP 500: the site could not reach its database (SQL network error)" },
  ],
  asAt: { valuations: "2022-02-11", ownership: null },
  criteria: {
    full: { suburbs: 862, examples: ["ADAMS MISSION", "ALLANDALE"], volumes: 89 },
    sectional: { suburbs: 500, schemes: 5_322, exampleSchemes: ["SS 4 A B & C THE AVENUE"] },
  },
  suburb: {
    id: "22136",
    name: "ADAMS MISSION",
    titleType: "full",
    passedOver: [{ id: "22100", name: "AAA", reason: 'it answered "No Match"' }],
    allFalse: { url: "u", caption: 12, rows: 12, banner: false, noMatch: false, firstByteMs: 900, error: null },
    allTrue: { url: "u", caption: 0, rows: 0, banner: false, noMatch: true, firstByteMs: 300, error: null },
  },
  volume: { volumeNo: "01", suburbId: null, answer: { url: "u", caption: 6_812, rows: 6_812, banner: true, noMatch: false, firstByteMs: 21_500, error: null } },
  details: { href: "../FramePages/SearchDeatils.aspx?id=1&PType=1&FType=1", url: "u", rateNumber: null, marketValue: null, owners: 0, error: "the site answered HTTP 500" },
};

describe("formatProbeSummary", () => {
  it("puts the verdict and why first, then every page and finding", () => {
    const text = formatProbeSummary(report);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Probe of http://valuation2022.durban.gov.za/ (gv2022), 3 December 2026, 10:00");
    expect(lines[1]).toBe("Verdict: DEGRADED: the site answers, with problems (below)");
    expect(lines[2]).toBe(`  - ${report.explanations[0]}`);
    expect(text).toContain("TLS: plain http (no TLS)");
    expect(text).toContain("As at: valuations 11 February 2022, ownership not stated");
    expect(text).toContain("  status  first byte  total   size    charset  page");
    expect(text).toContain("  200     120 ms      130 ms  735 B   none     home page");
    expect(text).toContain("  500     2,3 s       2,4 s   1,8 MB  utf-8    details page [database-down: HTTP 500: the site could not reach its database (SQL network error)]");
    expect(text).toContain("Full Title: 862 suburbs (ADAMS MISSION, ALLANDALE, …), 89 volumes");
    expect(text).toContain("Sectional Title: 500 suburbs, 5\u00a0322 schemes (SS 4 A B & C THE AVENUE, …)");
    expect(text).toContain("Small suburb: ADAMS MISSION (22136, Full Title)");
    expect(text).toContain('  passed over AAA (22100): it answered "No Match"');
    expect(text).toContain("  All=false: 12 rows, caption 12, no banner (first byte 900 ms)");
    expect(text).toContain('  All=true:  "No Match" (first byte 300 ms)');
    expect(text).toContain("Volume 01 (whole roll): 6\u00a0812 rows, caption 6\u00a0812, WITH the size banner (first byte 21,5 s)");
    expect(text).toContain("Details page (../FramePages/SearchDeatils.aspx?id=1&PType=1&FType=1): the site answered HTTP 500");
    expect(text.endsWith(`Notes:\n  - ${report.notes[0]}`)).toBe(true);
  });

  it("says a healthy site can be scraped, and a down one cannot", () => {
    expect(formatProbeSummary({ ...report, verdict: "ok", explanations: [] }).split("\n")[1]).toBe("Verdict: OK: the site can be scraped now");
    expect(formatProbeSummary({ ...report, verdict: "down" }).split("\n")[1]).toBe("Verdict: DOWN: a scrape now would fail");
  });

  it("prints the details page it read", () => {
    const text = formatProbeSummary({ ...report, details: { ...report.details!, error: null, rateNumber: "05100037", owners: 2, marketValue: 1_830_000 } });
    expect(text).toContain("rate number 05100037, 2 owners, market value R\u00a01\u00a0830\u00a0000");
  });
});
