import { describe, expect, it } from "vitest";
import { changeShare, isUnusualChange } from "./unusual-change";

describe("changeShare / isUnusualChange", () => {
  it("counts added, changed and removed rows against what the run saw", () => {
    expect(changeShare({ rowsSeen: 1_000, rowsAdded: 10, rowsChanged: 30, rowsRemoved: 0 })).toBe(0.04);
    expect(changeShare({ rowsSeen: 900, rowsAdded: 0, rowsChanged: 0, rowsRemoved: 100 })).toBe(0.1);
    expect(changeShare({ rowsSeen: 0, rowsAdded: 0, rowsChanged: 0, rowsRemoved: 0 })).toBe(0);
  });

  it("flags a run that moved more than a tenth of the roll, but never the first run", () => {
    const big = { rowsSeen: 1_000, rowsAdded: 0, rowsChanged: 250, rowsRemoved: 0 };
    expect(isUnusualChange({ ...big, hadEarlierSuccess: true })).toBe(true);
    expect(isUnusualChange({ ...big, hadEarlierSuccess: false })).toBe(false);
    expect(isUnusualChange({ rowsSeen: 1_000, rowsAdded: 5, rowsChanged: 20, rowsRemoved: 3, hadEarlierSuccess: true })).toBe(false);
  });
});
