import { describe, expect, it } from "vitest";
import { queryErrors, resolveRoll, resolveRollParam } from "./roll-param";
import { seedRegistry } from "./seed-rolls";

const registry = seedRegistry("gv2022");

describe("the roll parameter", () => {
  it("is the default roll when not given, and a registered roll when given", () => {
    expect(resolveRoll(undefined, registry)).toEqual({ ok: true, roll: "gv2022" });
    expect(resolveRoll("gv2012", registry)).toEqual({ ok: true, roll: "gv2012" });
    expect(resolveRollParam(new URLSearchParams("roll=gv2026"), registry)).toEqual({ ok: true, roll: "gv2026" });
  });

  it("names the registered rolls, newest first, when it is not one", () => {
    const expected = { ok: false, errors: [{ parameter: "roll", message: "must be one of: gv2026, gv2022, gv2017, gv2012" }] };
    expect(resolveRoll("gv1999", registry)).toEqual(expected);
    expect(resolveRoll("GV2022", registry)).toEqual(expected);
    expect(resolveRollParam(new URLSearchParams("roll="), registry)).toEqual(expected);
  });

  it("leaves a repeated roll to the query's own check", () => {
    expect(resolveRollParam(new URLSearchParams("roll=gv1999&roll=gv2022"), registry)).toEqual({ ok: true, roll: "gv2022" });
  });

  it("lists each problem once, in the order of the query string, path parameters first", () => {
    const params = new URLSearchParams("x=1&roll=gv1999&limit=0");
    const errors = queryErrors(
      params,
      [{ parameter: "rateNumber", message: "is not valid" }],
      [{ parameter: "limit", message: "must be at least 1" }, { parameter: "x", message: "is not a parameter" }],
      [{ parameter: "roll", message: "must be one of: gv2022" }, { parameter: "x", message: "again" }],
    );
    expect(errors.map((error) => error.parameter)).toEqual(["rateNumber", "x", "roll", "limit"]);
    expect(errors.find((error) => error.parameter === "x")?.message).toBe("is not a parameter");
  });
});
