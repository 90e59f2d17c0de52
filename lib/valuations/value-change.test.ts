import { describe, expect, it } from "vitest";
import { rollYear, valueChange } from "./value-change";

describe("value change between rolls", () => {
  it("goes from the older roll to the newer, whichever is asked about", () => {
    const expected = { from: "gv2017", to: "gv2022", absolute: 90_000, percent: 25 };
    expect(valueChange({ roll: "gv2022", marketValue: 450_000 }, { roll: "gv2017", marketValue: 360_000 })).toEqual(expected);
    expect(valueChange({ roll: "gv2017", marketValue: 360_000 }, { roll: "gv2022", marketValue: 450_000 })).toEqual(expected);
  });

  it("rounds the percentage to one decimal and has none without two values or from zero", () => {
    expect(valueChange({ roll: "gv2012", marketValue: 300_000 }, { roll: "gv2017", marketValue: 200_000 }).percent).toBe(-33.3);
    expect(valueChange({ roll: "gv2022", marketValue: null }, { roll: "gv2017", marketValue: 1 })).toEqual({ from: "gv2017", to: "gv2022", absolute: null, percent: null });
    expect(valueChange({ roll: "gv2022", marketValue: 5 }, { roll: "gv2017", marketValue: 0 })).toEqual({ from: "gv2017", to: "gv2022", absolute: 5, percent: null });
    expect(rollYear("gv2012")).toBe(2012);
  });
});
