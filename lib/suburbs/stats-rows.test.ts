import { describe, expect, it } from "vitest";
import type { StatsGroupRow } from "@/lib/valuations/valuation-stats";
import { chartRows, groupLabel, statsRows, suburbPagePath } from "./stats-rows";

const group = (key: string | number | null, label: string | null, count: number, median: number | null): StatsGroupRow => ({
  key,
  label,
  count,
  valued: median === null ? 0 : count,
  min: median,
  q1: median,
  median,
  q3: median,
  max: median,
});

describe("groupLabel", () => {
  it("names use codes with their code, and groups without a key", () => {
    expect(groupLabel("useCode", group(15, "Single Residential", 3, 1))).toBe("Single Residential (15)");
    expect(groupLabel("useCode", group(null, null, 3, 1))).toBe("No use code");
    expect(groupLabel("suburb", group("22136", "PINETOWN", 3, 1))).toBe("PINETOWN");
  });
});

describe("groupLabel in another language", () => {
  it("takes the page's words for groups the roll does not name", () => {
    const words = { noUseCode: "Ayikho ikhodi yokusetshenziswa", noRatingCategory: "Asikho isigaba sentela", noSuburb: "Ayikho indawo", unnamedUse: "Ukusetshenziswa" };
    expect(groupLabel("useCode", group(null, null, 3, 1), words)).toBe("Ayikho ikhodi yokusetshenziswa");
    expect(groupLabel("useCode", group(15, null, 3, 1), words)).toBe("Ukusetshenziswa (15)");
    expect(groupLabel("ratingCategory", group(null, null, 3, 1), words)).toBe("Asikho isigaba sentela");
    const [row] = statsRows("suburb", [group(null, null, 3, 1)], { roll: "gv2022", defaultRoll: "gv2022", words });
    expect(row?.label).toBe("Ayikho indawo");
  });
});

describe("statsRows", () => {
  it("links each use code to the search for it within the suburb", () => {
    const [row] = statsRows("useCode", [group(15, "Single Residential", 3, 900000)], { roll: "gv2022", defaultRoll: "gv2022", suburbName: "PINETOWN" });
    expect(row).toMatchObject({ key: "15", label: "Single Residential (15)", href: "/?suburb=PINETOWN&useCode=15", median: 900000 });
  });

  it("links suburbs to their own page on the overview, keeping the roll", () => {
    const [row] = statsRows("suburb", [group("22136", "PINETOWN", 3, 1)], { roll: "gv2017", defaultRoll: "gv2022", linkSuburbPages: true });
    expect(row?.href).toBe("/suburbs/22136?roll=gv2017");
    expect(suburbPagePath("22136", "gv2022", "gv2022")).toBe("/suburbs/22136");
  });
});

describe("chartRows", () => {
  it("keeps the largest groups with values, ordered by median", () => {
    const rows = statsRows("ratingCategory", [group("A", "A", 10, 300), group("B", "B", 50, 100), group("C", "C", 5, 900), group("D", "D", 99, null)], {
      roll: "gv2022",
      defaultRoll: "gv2022",
    });
    expect(chartRows(rows, 2).map((row) => row.key)).toEqual(["B", "A"]);
  });
});
