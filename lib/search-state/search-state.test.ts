import { describe, expect, it } from "vitest";
import { listQuerySchema } from "@/lib/valuations/list-query-schema";
import { parseQuery } from "@/lib/api/parse-query";
import {
  changeSearch,
  consistentSearch,
  describeSearch,
  effectiveSort,
  exportHref,
  goToPage,
  initialSearchState,
  isNarrowed,
  listingKey,
  parseSearchState,
  searchHref,
  searchStateToParams,
  toApiParams,
  searchTitle,
  sortOptions,
  toggledSort,
} from "./search-state";
import { SORT_VALUES } from "@/lib/valuations/sort-fields";

const CURSOR = "eyJhIjoxfQ.c2lnbmF0dXJl";
// The registry's rolls, as the server passes them down.
const ROLLS = [
  { id: "gv2099", label: "GV 2099" },
  { id: "gv2022", label: "GV 2022" },
  { id: "gv2017", label: "GV 2017" },
];
const parse = (query: string) => parseSearchState(new URLSearchParams(query), "gv2022", ROLLS);

describe("the roll of a search", () => {
  it("is one of the registry's rolls, else the default", () => {
    expect(parse("roll=gv2099").roll).toBe("gv2099");
    expect(parse("roll=gv2012").roll).toBe("gv2022");
    expect(parse("roll=GV2017").roll).toBe("gv2022");
  });
});

describe("parseSearchState", () => {
  it("reads every filter, the sort and the page", () => {
    const state = parse(
      `q=+somerset+way+&roll=gv2017&title=sectional&suburb=PINETOWN&useCode=15&ratingCategory=Residential` +
        `&minValue=1000000&maxValue=2000000&minExtent=500&maxExtent=812.5&sort=-marketValue&size=50&cursor=${CURSOR}&page=3`,
    );
    expect(state).toEqual({
      q: "somerset way",
      roll: "gv2017",
      title: "sectional",
      suburb: "PINETOWN",
      useCode: 15,
      ratingCategory: "Residential",
      minValue: 1_000_000,
      maxValue: 2_000_000,
      minExtent: 500,
      maxExtent: 812.5,
      sort: "-marketValue",
      size: 50,
      cursor: CURSOR,
      page: 3,
    });
  });

  it("gives the defaults for an empty URL, and for a submitted form's empty fields", () => {
    expect(parse("")).toEqual(initialSearchState("gv2022"));
    expect(parse("q=&roll=&title=&suburb=&useCode=&ratingCategory=&minValue=&maxValue=&minExtent=&maxExtent=&sort=&size=")).toEqual(
      initialSearchState("gv2022"),
    );
  });

  it("drops values the API would reject instead of failing", () => {
    const state = parse("roll=gv1999&title=both&useCode=abc&minValue=-5&maxValue=1e6&minExtent=lots&sort=-owner&size=30&cursor=x&page=0");
    expect(state).toEqual(initialSearchState("gv2022"));
  });

  it("reads amounts typed into the form without JavaScript", () => {
    expect(parse("minValue=1,5m&maxValue=R+2+000+000&minExtent=812,5")).toMatchObject({ minValue: 1_500_000, maxValue: 2_000_000, minExtent: 812.5 });
  });

  it("ignores a page number without a cursor, and relevance without a search", () => {
    expect(parse("page=4").page).toBe(1);
    expect(parse("sort=relevance").sort).toBeNull();
    expect(parse("q=pinetown&sort=relevance").sort).toBe("relevance");
  });

  it("accepts the object Next.js passes a page, taking the first of repeated values", () => {
    const state = parseSearchState({ q: ["first", "second"], suburb: "KLOOF", roll: undefined }, "gv2017", ROLLS);
    expect(state).toMatchObject({ q: "first", suburb: "KLOOF", roll: "gv2017" });
  });

  it("keeps a one-letter search in the box without searching for it", () => {
    const state = parse("q=a");
    expect(state.q).toBe("a");
    expect(toApiParams(state).has("q")).toBe(false);
  });
});

describe("consistentSearch", () => {
  it("drops relevance without a search, and a page number without its cursor", () => {
    const state = initialSearchState("gv2022");
    expect(consistentSearch({ ...state, q: "a", sort: "relevance", page: 4 })).toEqual({ ...state, q: "a" });
    const paged = { ...state, q: "kloof", sort: "relevance", cursor: CURSOR, page: 4 };
    expect(consistentSearch(paged)).toBe(paged);
  });
});

describe("searchStateToParams and searchHref", () => {
  it("round-trip through the URL", () => {
    const query = `q=somerset+way&roll=gv2017&title=full&suburb=PINETOWN&useCode=15&ratingCategory=Business+%26+Commercial&minValue=1000000&maxExtent=812.5&sort=-marketValue&size=100&cursor=${CURSOR}&page=2`;
    const state = parse(query);
    expect(parse(searchStateToParams(state, "gv2022").toString())).toEqual(state);
  });

  it("leave the defaults out", () => {
    expect(searchHref(initialSearchState("gv2022"), "gv2022")).toBe("/");
    expect(searchHref({ ...initialSearchState("gv2022"), q: "kloof" }, "gv2022")).toBe("/?q=kloof");
    expect(searchHref({ ...initialSearchState("gv2017") }, "gv2022")).toBe("/?roll=gv2017");
  });
});

describe("toApiParams", () => {
  it("is a query the API's own schema accepts", () => {
    const state = parse(`q=somerset&title=full&suburb=PINETOWN&useCode=15&minValue=1&maxValue=2&minExtent=0.5&maxExtent=9&sort=address&size=50&cursor=${CURSOR}&page=2`);
    const params = toApiParams(state);
    expect(Object.fromEntries(params)).toEqual({
      roll: "gv2022",
      q: "somerset",
      title: "full",
      suburb: "PINETOWN",
      useCode: "15",
      minValue: "1",
      maxValue: "2",
      minExtent: "0.5",
      maxExtent: "9",
      sort: "address",
      limit: "50",
      total: "true",
      cursor: CURSOR,
    });
    expect(parseQuery(listQuerySchema, params).ok).toBe(true);
  });

  it("always names the roll, so the answer does not depend on the server's default", () => {
    expect(toApiParams(initialSearchState("gv2017")).get("roll")).toBe("gv2017");
  });
});

describe("exportHref", () => {
  it("exports the same filters and order as CSV, without paging", () => {
    const state = parse(`q=kloof&useCode=15&sort=-marketValue&size=50&cursor=${CURSOR}&page=2`);
    const url = new URL(exportHref(state), "http://localhost");
    expect(url.pathname).toBe("/api/valuations");
    expect(Object.fromEntries(url.searchParams)).toEqual({ roll: "gv2022", q: "kloof", useCode: "15", sort: "-marketValue", format: "csv" });
    expect(parseQuery(listQuerySchema, url.searchParams).ok).toBe(true);
  });
});

describe("sorting", () => {
  it("defaults to relevance with a search and to the rate number without", () => {
    expect(effectiveSort(parse(""))).toBe("rateNumber");
    expect(effectiveSort(parse("q=kloof"))).toBe("relevance");
    expect(effectiveSort(parse("q=kloof&sort=-address"))).toBe("-address");
  });

  it("sorts a new column ascending, then flips it", () => {
    expect(toggledSort(parse(""), "marketValue")).toBe("marketValue");
    expect(toggledSort(parse("sort=marketValue"), "marketValue")).toBe("-marketValue");
    expect(toggledSort(parse("sort=-marketValue"), "marketValue")).toBe("marketValue");
    expect(toggledSort(parse(""), "rateNumber")).toBe("-rateNumber");
  });
});

describe("changeSearch and goToPage", () => {
  it("go back to the first page when the search changes", () => {
    const paged = parse(`q=kloof&cursor=${CURSOR}&page=4`);
    expect(changeSearch(paged, { sort: "-address" })).toMatchObject({ sort: "-address", cursor: null, page: 1 });
  });

  it("drops relevance when the search box is cleared", () => {
    expect(changeSearch(parse("q=kloof&sort=relevance"), { q: "" }).sort).toBeNull();
  });

  it("moves between pages", () => {
    const first = parse("q=kloof");
    expect(goToPage(first, CURSOR, 2)).toMatchObject({ cursor: CURSOR, page: 2 });
    expect(goToPage(goToPage(first, CURSOR, 2), null, 1)).toEqual(first);
  });
});

describe("isNarrowed, listingKey and describeSearch", () => {
  it("tell a narrowed search from the whole roll", () => {
    expect(isNarrowed(parse(""))).toBe(false);
    expect(isNarrowed(parse("roll=gv2017&size=50"))).toBe(false);
    expect(isNarrowed(parse("maxExtent=300"))).toBe(true);
  });

  it("ignores the page in the listing key", () => {
    expect(listingKey(parse(`q=kloof&cursor=${CURSOR}&page=2`))).toBe(listingKey(parse("q=kloof")));
    expect(listingKey(parse("q=kloof&sort=address"))).not.toBe(listingKey(parse("q=kloof")));
  });

  it("describes the search for the page title", () => {
    expect(describeSearch(parse(""), "gv2022", ROLLS)).toBe("");
    expect(describeSearch(parse(`q=kloof&suburb=KLOOF&title=sectional&roll=gv2017&cursor=${CURSOR}&page=2`), "gv2022", ROLLS)).toBe(
      "“kloof” · KLOOF · Sectional title · GV 2017 · page 2",
    );
  });
});

describe("searchTitle and sortOptions", () => {
  it("titles the page after the search", () => {
    expect(searchTitle(parse(""), "gv2022", ROLLS)).toBe("Search the valuation roll");
    expect(searchTitle(parse("q=kloof"), "gv2022", ROLLS)).toBe("Search: “kloof”");
  });

  it("offers every sort the API knows, best match only with a search", () => {
    const values = sortOptions(parse("")).map((option) => option.value);
    expect(values).not.toContain("relevance");
    expect(sortOptions(parse("q=kloof"))[0]).toEqual({ value: "relevance", label: "Best match" });
    for (const value of values) expect(SORT_VALUES).toContain(value);
  });
});
