import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/api/parse-query";
import { listQuerySchema, toListQuery } from "./list-query-schema";

const parse = (query: string) => parseQuery(listQuerySchema, new URLSearchParams(query));

describe("the list query", () => {
  it("types every parameter and fills in defaults", () => {
    const parsed = parse("q=%20Pinetown%20&title=full&rateNumber=0510&useCode=15&minValue=100000&maxExtent=1634.5&includeRemoved=true&sort=-marketValue&limit=20&total=true");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(toListQuery(parsed.value, "gv2022")).toEqual({
      filters: { q: "Pinetown", roll: "gv2022", title: "full", rateNumber: "0510", useCode: 15, minValue: 100_000, maxExtent: 1634.5, includeRemoved: true },
      sort: { kind: "field", field: "marketValue", descending: true },
      limit: 20,
      total: true,
    });
  });

  it("sorts by relevance with q and by rate number without", () => {
    const withQ = parse("q=erf%2018288");
    const without = parse("");
    expect(withQ.ok && toListQuery(withQ.value, "gv2017").sort).toEqual({ kind: "relevance" });
    expect(without.ok && toListQuery(without.value, "gv2017")).toMatchObject({ filters: { roll: "gv2017" }, sort: { kind: "field", field: "rateNumber", descending: false }, limit: 50, total: false });
  });

  it("names each problem", () => {
    // The roll is checked against the registry by the routes (lib/rolls/roll-param.ts), not here.
    const parsed = parse("limit=1e3&useCode=12.5&minExtent=-1&rateNumber=05-10&total=yes&format=xml&roll=gv1999&q=a&q=b&extra=1");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.fromEntries(parsed.errors.map((error) => [error.parameter, error.message]))).toEqual({
      q: "is given more than once",
      limit: "must be a whole number (digits only)",
      useCode: "must be a whole number (digits only)",
      minExtent: "must be a number with at most two decimals (e.g. 1634.5)",
      rateNumber: 'must be digits (a rate number or its beginning) or "PIN:" and digits',
      total: 'must be "true" or "false"',
      format: "must be one of: json, csv, ndjson",
      extra: "is not a parameter of this endpoint",
    });
  });

  it("accepts the limits exactly", () => {
    expect(parse("limit=1000").ok).toBe(true);
    expect(parse("limit=1").ok).toBe(true);
    expect(parse("q=ab").ok).toBe(true);
    expect(parse("q=a").ok).toBe(false);
    expect(parse("minValue=0&maxValue=0").ok).toBe(true);
  });
});
