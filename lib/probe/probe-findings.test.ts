import { describe, expect, it } from "vitest";
import { charsetFindings, describeAllFlag, tlsFindings } from "./probe-findings";
import type { ProbePage, ResultsAnswer } from "./probe-report";

const answer = (fields: Partial<ResultsAnswer>): ResultsAnswer => ({
  url: "http://site/FramePages/SearchResult.aspx",
  caption: 12,
  rows: 12,
  banner: false,
  noMatch: false,
  firstByteMs: 100,
  error: null,
  ...fields,
});

describe("describeAllFlag", () => {
  it("says when both answers agree", () => {
    expect(describeAllFlag(answer({}), answer({}))).toBe("All=false (as the site's form sends it): 12 rows; All=true: 12 rows: the same answer.");
  });

  it("says when they differ, as on the live site where All=true without a scheme matches nothing", () => {
    expect(describeAllFlag(answer({}), answer({ noMatch: true, rows: 0, caption: 0 }))).toBe(
      "All=false (as the site's form sends it): 12 rows; All=true: No Match: the site answers differently, and the scraper sends All=false as the form does.",
    );
    expect(describeAllFlag(answer({}), answer({ rows: 1000, caption: 1000, banner: true }))).toContain("All=true: 1\u00a0000 rows under the size banner: the site answers differently");
  });

  it("says when All=true failed", () => {
    expect(describeAllFlag(answer({}), answer({ rows: null, caption: null, error: "the site answered HTTP 500" }))).toBe(
      "All=false (as the site's form sends it): 12 rows; All=true: failed (the site answered HTTP 500). The scraper sends All=false.",
    );
  });
});

describe("tlsFindings", () => {
  const tls = { kind: "tls" as const, protocol: "TLSv1.3", subject: "CN=valuation2022.durban.gov.za", issuer: "CN=Some CA", validFrom: "2026-01-01T00:00:00.000Z", validTo: "2027-01-01T00:00:00.000Z", daysLeft: 200, trusted: true, trustError: null };

  it("has nothing to say about plain http or a good certificate", () => {
    expect(tlsFindings({ kind: "plain-http" })).toEqual({ degraded: [], notes: [] });
    expect(tlsFindings(tls)).toEqual({ degraded: [], notes: [] });
  });

  it("points an untrusted chain at NODE_EXTRA_CA_CERTS", () => {
    const findings = tlsFindings({ ...tls, trusted: false, trustError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
    expect(findings.degraded).toEqual([
      "the site's certificate is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE): if the chain only lacks an intermediate certificate, give it to Node with NODE_EXTRA_CA_CERTS (see DEPLOYMENT.md)",
    ]);
  });

  it("warns before expiry and degrades after it", () => {
    expect(tlsFindings({ ...tls, daysLeft: 10 }).notes).toEqual(["the site's certificate expires in 10 days (2027-01-01T00:00:00.000Z)"]);
    expect(tlsFindings({ ...tls, daysLeft: -1 }).degraded).toEqual(["the site's certificate expired on 2027-01-01T00:00:00.000Z"]);
  });

  it("degrades when the handshake failed", () => {
    expect(tlsFindings({ kind: "error", message: "TLS handshake failed: socket hang up" }).degraded).toEqual(["the TLS check failed: TLS handshake failed: socket hang up"]);
  });
});

describe("charsetFindings", () => {
  const page = (fields: Partial<ProbePage>): ProbePage => ({
    label: "home page",
    url: "http://site/",
    status: 200,
    firstByteMs: 1,
    totalMs: 1,
    bytes: 10,
    contentType: "text/html; charset=utf-8",
    charset: "utf-8",
    redirects: [],
    failure: null,
    error: null,
    ...fields,
  });

  it("notes a missing or unusual charset, and degrades an unreadable one", () => {
    expect(charsetFindings(page({}))).toEqual({ degraded: [], notes: [] });
    expect(charsetFindings(page({ charset: null, contentType: "text/html" })).notes).toEqual([
      "the site names no charset in Content-Type; its pages are read as UTF-8 (ASP.NET's default)",
    ]);
    expect(charsetFindings(page({ charset: "windows-1252" })).notes).toEqual(["the site's pages are in charset windows-1252 (decoded as such)"]);
    expect(charsetFindings(page({ charset: "x-klingon", failure: "charset", error: 'the answer\'s charset "x-klingon" is not one Node can decode' })).degraded).toEqual([
      'the home page: the answer\'s charset "x-klingon" is not one Node can decode',
    ]);
  });
});
