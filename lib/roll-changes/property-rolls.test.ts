import { describe, expect, it } from "vitest";
import { seedRolls } from "@/lib/rolls/seed-rolls";
import { categoryChange, withRollChanges, type PropertyRoll } from "./property-rolls";

type Entry = Omit<PropertyRoll, "change">;

const rolls = seedRolls();

const entry = (roll: string, rateNumber: string, marketValue: number | null, linkedBy: Entry["linkedBy"], ratingCategory = "Residential"): Entry => ({
  roll,
  titleType: "full",
  rateNumber,
  legalDescription: `ERF ${rateNumber} of PINETOWN`,
  marketValue,
  ratingCategory,
  useDescription: null,
  removedAt: null,
  linkedBy,
});

describe("withRollChanges", () => {
  it("orders the rolls oldest first and gives each the change from the roll before", () => {
    const ordered = withRollChanges([entry("gv2026", "1", 1_200_000, "rate-number"), entry("gv2017", "1", 800_000, "same-rate-number"), entry("gv2022", "1", 1_000_000, "this-property")], rolls);
    expect(ordered.map((row) => [row.roll, row.change])).toEqual([
      ["gv2017", null],
      ["gv2022", { from: "gv2017", absolute: 200_000, percent: 25, ratingCategory: null }],
      ["gv2026", { from: "gv2022", absolute: 200_000, percent: 20, ratingCategory: null }],
    ]);
  });

  it("gives no change across a subdivision, a missing value or a zero value's percentage", () => {
    const split = withRollChanges([entry("gv2022", "1", 1_000_000, "this-property"), entry("gv2026", "1", 600_000, "subdivision"), entry("gv2026", "2", 500_000, "subdivision")], rolls);
    expect(split.map((row) => row.change)).toEqual([null, null, null]);
    expect(withRollChanges([entry("gv2017", "1", null, "rate-number"), entry("gv2022", "1", 5, "this-property")], rolls)[1]?.change).toBeNull();
    expect(withRollChanges([entry("gv2017", "1", 0, "rate-number"), entry("gv2022", "1", 5, "this-property")], rolls)[1]?.change).toEqual({ from: "gv2017", absolute: 5, percent: null, ratingCategory: null });
  });

  it("orders by the registry's dates, not the ids, and takes the change from the previous general roll", () => {
    // A general roll with an id out of step with its date, and a supplementary roll amending gv2022.
    const registry = [
      ...rolls,
      { id: "early", effectiveFrom: "2009-07-01", kind: "general" as const },
      { id: "sup2024", effectiveFrom: "2024-07-01", kind: "supplementary" as const },
    ];
    const ordered = withRollChanges(
      [entry("gv2026", "1", 1_300_000, "rate-number"), entry("sup2024", "1", 1_100_000, "same-rate-number"), entry("early", "1", 500_000, "same-rate-number"), entry("gv2012", "1", 600_000, "this-property")],
      registry,
    );
    expect(ordered.map((row) => [row.roll, row.change?.from ?? null])).toEqual([
      ["early", null],
      ["gv2012", "early"],
      ["sup2024", "gv2012"],
      ["gv2026", "gv2012"],
    ]);
  });

  it("gives the rating category's change where it differs from the roll before", () => {
    const [, changed] = withRollChanges([entry("gv2017", "1", 800_000, "rate-number", "Vacant Land"), entry("gv2022", "1", 1_000_000, "this-property", "Residential")], rolls);
    expect(changed?.change).toEqual({ from: "gv2017", absolute: 200_000, percent: 25, ratingCategory: { from: "Vacant Land", to: "Residential" } });
    expect(categoryChange("Residential", "Residential")).toBeNull();
    expect(categoryChange(null, "Residential")).toBeNull();
  });
});
