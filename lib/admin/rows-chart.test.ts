import { describe, expect, it } from "vitest";
import { rowsChart } from "./rows-chart";

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe("rowsChart", () => {
  it("draws one line per roll and title type, scaled into the box", () => {
    const chart = rowsChart(
      [
        { runId: 1, roll: "gv2022", titleType: "full", at: at(1), rows: 1_000 },
        { runId: 1, roll: "gv2022", titleType: "sectional", at: at(1), rows: 200 },
        { runId: 2, roll: "gv2022", titleType: "full", at: at(3), rows: 1_100 },
        { runId: 2, roll: "gv2022", titleType: "sectional", at: at(3), rows: 210 },
      ],
      100,
      50,
      0,
    );
    expect(chart.lines.map((line) => line.label)).toEqual(["gv2022 full", "gv2022 sectional"]);
    expect(chart.lines[0]!.path).toBe("M0,5.6 L100,0");
    expect(chart.lines[1]!.path).toBe("M0,50 L100,49.4");
    expect(chart).toMatchObject({ minRows: 200, maxRows: 1_100, from: at(1), to: at(3) });
    expect(chart.lines[0]!.last).toEqual({ x: 100, y: 0, rows: 1_100 });
  });

  it("centres a single point and is empty without history", () => {
    const single = rowsChart([{ runId: 1, roll: "gv2022", titleType: "full", at: at(1), rows: 5 }], 100, 50);
    expect(single.lines[0]!.path).toBe("M50,25");
    expect(rowsChart([]).lines).toEqual([]);
  });
});
