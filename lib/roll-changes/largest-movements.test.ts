import { describe, expect, it } from "vitest";
import { toChangeSummary, type ChangeGroup } from "@/lib/roll-changes/change-stats";
import { largestMovements } from "./largest-movements";

const group = (key: string, compared: number, median: number): ChangeGroup => ({
  key,
  label: key,
  change: toChangeSummary({ compared, up: 0, flat: 0, down: 0, median_change: 0, percents: [median - 5, median, median + 5] }, "gv2017", "links"),
});

describe("largestMovements", () => {
  it("gives the biggest rises then the biggest falls, highest first, each group once", () => {
    const groups = [group("A", 50, 30), group("B", 50, -12), group("C", 50, 4), group("D", 50, 18), group("E", 50, -3)];
    expect(largestMovements(groups, () => "#", 2).map((row) => [row.key, row.medianPercent])).toEqual([
      ["A", 30],
      ["D", 18],
      ["E", -3],
      ["B", -12],
    ]);
    expect(largestMovements(groups, () => "#", 3).map((row) => row.key)).toEqual(["A", "D", "C", "E", "B"]);
  });

  it("leaves out groups with too few properties compared", () => {
    expect(largestMovements([group("small", 3, 90), group("big", 40, 5)], () => "#").map((row) => row.key)).toEqual(["big"]);
  });

  it("labels a group without a name with the page's words", () => {
    const unnamed = { ...group("x", 40, 5), label: null };
    expect(largestMovements([unnamed], () => "#")[0]?.label).toBe("Not given");
    expect(largestMovements([unnamed], () => "#", 8, 10, "Akunikiwe")[0]?.label).toBe("Akunikiwe");
  });
});
