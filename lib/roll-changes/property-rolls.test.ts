import { describe, expect, it } from "vitest";
import { withRollChanges, type PropertyRoll } from "./property-rolls";

type Entry = Omit<PropertyRoll, "change">;

const entry = (roll: string, rateNumber: string, marketValue: number | null, linkedBy: Entry["linkedBy"]): Entry => ({
  roll,
  titleType: "full",
  rateNumber,
  legalDescription: `ERF ${rateNumber} of PINETOWN`,
  marketValue,
  ratingCategory: "Residential",
  useDescription: null,
  removedAt: null,
  linkedBy,
});

describe("withRollChanges", () => {
  it("orders the rolls oldest first and gives each the change from the roll before", () => {
    const rolls = withRollChanges([entry("gv2026", "1", 1_200_000, "rate-number"), entry("gv2017", "1", 800_000, "same-rate-number"), entry("gv2022", "1", 1_000_000, "this-property")]);
    expect(rolls.map((row) => [row.roll, row.change])).toEqual([
      ["gv2017", null],
      ["gv2022", { from: "gv2017", absolute: 200_000, percent: 25 }],
      ["gv2026", { from: "gv2022", absolute: 200_000, percent: 20 }],
    ]);
  });

  it("gives no change across a subdivision, a missing value or a zero value's percentage", () => {
    const split = withRollChanges([entry("gv2022", "1", 1_000_000, "this-property"), entry("gv2026", "1", 600_000, "subdivision"), entry("gv2026", "2", 500_000, "subdivision")]);
    expect(split.map((row) => row.change)).toEqual([null, null, null]);
    expect(withRollChanges([entry("gv2017", "1", null, "rate-number"), entry("gv2022", "1", 5, "this-property")])[1]?.change).toBeNull();
    expect(withRollChanges([entry("gv2017", "1", 0, "rate-number"), entry("gv2022", "1", 5, "this-property")])[1]?.change).toEqual({ from: "gv2017", absolute: 5, percent: null });
  });
});
