import { describe, expect, it } from "vitest";
import { buildFilterConditions, conditionColumns } from "./build-filter-conditions";
import { SqlParams } from "./sql-params";

const base = { roll: "gv2022" as const, includeRemoved: false };

describe("buildFilterConditions", () => {
  it("matches a name in capitals with one equality, so the planner's estimate is not doubled", () => {
    const params = new SqlParams();
    const conditions = buildFilterConditions({ ...base, suburb: "WESTVILLE", street: "MAIN ROAD" }, params, { ownerSearch: false });
    expect(conditions).toContain("v.suburb_name = $2");
    expect(conditions).toContain("v.street_name = $3");
    expect(params.values).toEqual(["gv2022", "WESTVILLE", "MAIN ROAD"]);
  });

  it("matches a name in other case as given or in capitals", () => {
    const params = new SqlParams();
    const conditions = buildFilterConditions({ ...base, suburb: "Westville" }, params, { ownerSearch: false });
    expect(conditions).toContain("v.suburb_name IN ($2, $3)");
    expect(params.values).toEqual(["gv2022", "Westville", "WESTVILLE"]);
  });

  it("names the columns its conditions read, so an ordered scan can select just those", () => {
    expect(conditionColumns({ ...base, q: "pinetown" }, { ownerSearch: false })).toEqual(["roll", "removed_at"]);
    expect(conditionColumns({ ...base, q: "pinetown", title: "full", suburb: "X", minValue: 1, maxExtent: 2 }, { ownerSearch: true })).toEqual([
      "roll", "removed_at", "title_type", "suburb_id", "suburb_name", "market_value", "registered_extent", "first_owner",
    ]);
  });
});
