import { describe, expect, it } from "vitest";
import { chooseDefaultRoll, UnknownDefaultRollError, type DefaultRollCandidate } from "./choose-default-roll";

const roll = (id: string, effectiveFrom: string, facts: Partial<DefaultRollCandidate> = {}): DefaultRollCandidate => ({
  id,
  kind: "general",
  status: "active",
  effectiveFrom,
  hasCompleteRun: false,
  hasRows: false,
  ...facts,
});
const TODAY = "2026-12-03";

describe("chooseDefaultRoll", () => {
  const gv2017 = roll("gv2017", "2017-07-01", { hasCompleteRun: true, hasRows: true });
  const gv2022 = roll("gv2022", "2022-07-01", { hasCompleteRun: true, hasRows: true });

  it("is the newest roll (by effective date) with a complete whole-roll run", () => {
    expect(chooseDefaultRoll([gv2017, gv2022, roll("gv2026", "2026-07-01")], undefined, TODAY)).toBe("gv2022");
    expect(chooseDefaultRoll([gv2017, gv2022, roll("gv2026", "2026-07-01", { hasCompleteRun: true, hasRows: true })], undefined, TODAY)).toBe("gv2026");
  });

  it("goes by the effective date, not the id or the order given", () => {
    expect(chooseDefaultRoll([roll("zz0001", "2030-07-01", { hasCompleteRun: true }), gv2022], undefined, TODAY)).toBe("zz0001");
  });

  it("never picks a supplementary roll by itself", () => {
    const supplementary = roll("sv2025", "2025-07-01", { kind: "supplementary", hasCompleteRun: true, hasRows: true });
    expect(chooseDefaultRoll([gv2022, supplementary], undefined, TODAY)).toBe("gv2022");
  });

  it("before any complete run: the newest with rows, then the newest active in force, then the newest in force, then the newest", () => {
    const planned = roll("gv2026", "2026-07-01", { status: "planned" });
    expect(chooseDefaultRoll([roll("gv2022", "2022-07-01"), planned], undefined, TODAY)).toBe("gv2022");
    expect(chooseDefaultRoll([roll("gv2022", "2022-07-01", { status: "archived" }), planned], undefined, TODAY)).toBe("gv2026");
    expect(chooseDefaultRoll([roll("gv2017", "2017-07-01", { hasRows: true }), roll("gv2022", "2022-07-01")], undefined, TODAY)).toBe("gv2017");
    expect(chooseDefaultRoll([roll("gv2022", "2022-07-01"), roll("gv2031", "2031-07-01")], undefined, TODAY)).toBe("gv2022");
    expect(chooseDefaultRoll([roll("gv2031", "2031-07-01")], undefined, TODAY)).toBe("gv2031");
  });

  it("takes DEFAULT_ROLL when it names a registered roll, whatever the runs", () => {
    expect(chooseDefaultRoll([gv2017, gv2022], "gv2017", TODAY)).toBe("gv2017");
  });

  it("refuses a DEFAULT_ROLL the registry does not have, naming the rolls it has", () => {
    expect(() => chooseDefaultRoll([gv2017, gv2022], "gv2030", TODAY)).toThrow(UnknownDefaultRollError);
    expect(() => chooseDefaultRoll([gv2017, gv2022], "gv2030", TODAY)).toThrow("DEFAULT_ROLL=gv2030 names no roll in the registry (known rolls: gv2017, gv2022)");
  });

  it("says so when the registry has no general roll", () => {
    expect(() => chooseDefaultRoll([], undefined, TODAY)).toThrow(/has no general roll/);
  });
});
