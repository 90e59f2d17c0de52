import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { formatterFor } from "@/lib/i18n/formatter";
import { CURSOR_EXPIRED, describeFailure, describeProblem, statusLine, type ResultRow, type SearchResults } from "./search-results";
import { parseSearchState, searchTitle, sortOptions } from "./search-state";
import type { SearchWords } from "./search-words";

// The search page's words in both languages: English exactly as the page always said it, isiZulu
// from its catalogue, numbers written the South African way in both.

const ROLLS = [
  { id: "gv2022", label: "GV 2022" },
  { id: "gv2017", label: "GV 2017" },
];
const parse = (query: string) => parseSearchState(new URLSearchParams(query), "gv2022", ROLLS);
const zulu = createTranslator({ locale: "zu", messages: CATALOGUES.zu, namespace: "search" }) as SearchWords;
const english = createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: "search" }) as SearchWords;
const plain = (text: string) => text.replace(/\u00a0/g, " ");

function page(rows: number, total: number | null): SearchResults {
  return { kind: "ok", rows: Array.from({ length: rows }, (_, index) => ({ key: String(index) }) as ResultRow), total, nextCursor: null, asAt: null };
}

describe("the status line", () => {
  it("says how many were found and which are shown, in English as before", () => {
    expect(plain(statusLine(page(25, 3003), { page: 1, size: 25 }))).toBe("3 003 properties found. Showing 1–25.");
    expect(plain(statusLine(page(1, 1), { page: 1, size: 25 }))).toBe("1 property found. Showing 1–1.");
    expect(plain(statusLine(page(25, null), { page: 41, size: 25 }))).toBe("Showing 1 001–1 025.");
    expect(statusLine(page(0, 0), { page: 1, size: 25 })).toBe("No properties found.");
    expect(statusLine({ kind: "error", failure: { reason: "unreachable" } }, { page: 1, size: 25 })).toBe("No results to show.");
  });

  it("in isiZulu, with the same numbers", () => {
    const zu = formatterFor("zu");
    expect(plain(statusLine(page(25, 3003), { page: 1, size: 25 }, zulu, zu))).toBe("Kutholakale izakhiwo ezingu-3 003. Kuboniswa 1–25.");
    expect(plain(statusLine(page(1, 1), { page: 1, size: 25 }, zulu, zu))).toBe("Kutholakale isakhiwo esingu-1. Kuboniswa 1–1.");
    expect(statusLine(page(0, 0), { page: 1, size: 25 }, zulu, zu)).toBe("Azikho izakhiwo ezitholakele.");
  });
});

describe("failures and problems", () => {
  it("word a failed search as the page always did in English", () => {
    expect(describeFailure({ reason: "rateLimited", retryAfterSeconds: "30" })).toBe("Too many searches in one minute. Wait 30 seconds and try again.");
    expect(describeFailure({ reason: "rateLimited", retryAfterSeconds: null })).toBe("Too many searches in one minute. Wait a moment and try again.");
    expect(describeFailure({ reason: "status", status: 503 })).toBe("The search service had a problem (HTTP 503).");
    expect(describeFailure({ reason: "unreachable" })).toBe("Could not reach the server. Check your connection and try again.");
    expect(describeFailure({ reason: "status", status: 503 }, zulu)).toBe("Isevisi yokusesha ibe nenkinga (HTTP 503).");
  });

  it("name the problems the form can cause in isiZulu; an unknown one keeps the API's words", () => {
    expect(describeProblem({ parameter: "maxExtent", message: "must not be less than minExtent" })).toBe("Largest extent must not be less than the smallest extent.");
    expect(describeProblem({ parameter: "cursor", message: CURSOR_EXPIRED })).toBe("Page link has expired: start again from the first page.");
    expect(describeProblem({ parameter: "cursor", message: "is not a cursor this API issued" })).toBe("Page link is not a cursor this API issued.");
    expect(describeProblem({ parameter: "search", message: "is not valid" })).toBe("search is not valid.");
    expect(describeProblem({ parameter: "maxValue", message: "must not be less than minValue" }, zulu)).toBe("Inani eliphezulu akumele libe ngaphansi kwenani eliphansi.");
    expect(describeProblem({ parameter: "cursor", message: CURSOR_EXPIRED }, zulu)).toBe("Isixhumanisi sekhasi siphelelwe yisikhathi: qala kabusha ekhasini lokuqala.");
    expect(describeProblem({ parameter: "q", message: "must have at most 200 characters" }, zulu)).toBe("Usesho: must have at most 200 characters.");
  });
});

describe("titles and sort labels", () => {
  it("the English catalogue holds what the page said before", () => {
    expect(searchTitle(parse("q=kloof&useCode=15&minValue=1&maxExtent=2&roll=gv2017&cursor=a.b&page=3"), "gv2022", ROLLS, english)).toBe(
      "Search: “kloof” · use code 15 · value range · extent range · GV 2017 · page 3",
    );
    expect(sortOptions(parse(""), english).map((option) => option.label)).toEqual(sortOptions(parse("")).map((option) => option.label));
  });

  it("in isiZulu, leaving the roll's data as it is", () => {
    expect(searchTitle(parse(""), "gv2022", ROLLS, zulu)).toBe("Sesha ohlwini lokulinganiselwa");
    expect(searchTitle(parse("q=kloof&suburb=KLOOF&title=sectional&cursor=a.b&page=2"), "gv2022", ROLLS, zulu)).toBe(
      "Usesho: “kloof” · KLOOF · Ubunikazi bezingxenye (sectional title) · ikhasi 2",
    );
    const options = sortOptions(parse("q=kloof"), zulu);
    expect(options[0]).toEqual({ value: "relevance", label: "Okufana kakhulu" });
    expect(options.find((option) => option.value === "-marketValue")?.label).toBe("Inani lemakethe (eliphezulu kuqala)");
  });
});
