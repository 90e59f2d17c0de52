import { describe, expect, it } from "vitest";
import { valueChange } from "./value-change";

const on = (roll: string, marketValue: number | null) => ({ roll, marketValue, effectiveFrom: `${roll.slice(2)}-07-01` });

describe("value change between rolls", () => {
  it("goes from the older roll to the newer (by effective date), whichever is asked about", () => {
    const expected = { from: "gv2017", to: "gv2022", absolute: 90_000, percent: 25 };
    expect(valueChange(on("gv2022", 450_000), on("gv2017", 360_000))).toEqual(expected);
    expect(valueChange(on("gv2017", 360_000), on("gv2022", 450_000))).toEqual(expected);
  });

  it("orders by the effective date, not the id", () => {
    const renamed = { roll: "zz2001", marketValue: 100, effectiveFrom: "2026-07-01" };
    expect(valueChange(renamed, on("gv2022", 80))).toMatchObject({ from: "gv2022", to: "zz2001", absolute: 20 });
  });

  it("rounds the percentage to one decimal and has none without two values or from zero", () => {
    expect(valueChange(on("gv2012", 300_000), on("gv2017", 200_000)).percent).toBe(-33.3);
    expect(valueChange(on("gv2022", null), on("gv2017", 1))).toEqual({ from: "gv2017", to: "gv2022", absolute: null, percent: null });
    expect(valueChange(on("gv2022", 5), on("gv2017", 0))).toEqual({ from: "gv2017", to: "gv2022", absolute: 5, percent: null });
  });
});
