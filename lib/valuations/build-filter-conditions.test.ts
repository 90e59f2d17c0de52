import { describe, expect, it } from "vitest";
import { buildFilterConditions, conditionColumns } from "./build-filter-conditions";
import { SqlParams } from "./sql-params";

const base = { roll: "gv2022" as const, includeRemoved: false };

describe("buildFilterConditions", () => {
  it("matches a street in capitals with one equality, so the planner's estimate is not doubled", () => {
    const params = new SqlParams();
    const conditions = buildFilterConditions({ ...base, street: "MAIN ROAD" }, params, { ownerSearch: false });
    expect(conditions).toContain("v.street_name = $2");
    expect(params.values).toEqual(["gv2022", "MAIN ROAD"]);
  });

  it("matches a street in other case as given or in capitals", () => {
    const params = new SqlParams();
    const conditions = buildFilterConditions({ ...base, street: "Main Road" }, params, { ownerSearch: false });
    expect(conditions).toContain("v.street_name IN ($2, $3)");
    expect(params.values).toEqual(["gv2022", "Main Road", "MAIN ROAD"]);
  });

  it("matches a suburb name in any case through its capitals, and a suburb id exactly", () => {
    const byName = new SqlParams();
    expect(buildFilterConditions({ ...base, suburb: "Kafirdrift No 906" }, byName, { ownerSearch: false })).toContain("upper(v.suburb_name) = $2");
    expect(byName.values).toEqual(["gv2022", "KAFIRDRIFT NO 906"]);
    const byId = new SqlParams();
    expect(buildFilterConditions({ ...base, suburb: "10017" }, byId, { ownerSearch: false })).toContain("v.suburb_id = $2");
  });

  it("names the columns its conditions read, so an ordered scan can select just those", () => {
    expect(conditionColumns({ ...base, q: "pinetown" }, { ownerSearch: false })).toEqual(["roll", "removed_at"]);
    expect(conditionColumns({ ...base, q: "pinetown", title: "full", suburb: "X", minValue: 1, maxExtent: 2 }, { ownerSearch: true })).toEqual([
      "roll", "removed_at", "title_type", "suburb_id", "suburb_name", "market_value", "registered_extent", "first_owner",
    ]);
  });
});
