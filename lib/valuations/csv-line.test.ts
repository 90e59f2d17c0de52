import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/simulator/parse-csv";
import { csvField, csvLine } from "./csv-line";

describe("CSV", () => {
  it("quotes only what needs it", () => {
    expect(csvField("PINETOWN")).toBe("PINETOWN");
    expect(csvField("26 SOMERSET WAY, AMANZIMTOTI")).toBe('"26 SOMERSET WAY, AMANZIMTOTI"');
    expect(csvField('THE "VILLA"')).toBe('"THE ""VILLA"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(null)).toBe("");
    expect(csvField(1634.5)).toBe("1634.5");
    expect(csvField(false)).toBe("false");
  });

  it("writes records a CSV reader gives back unchanged", () => {
    const values = ["SS ALEC'S MEWS", "SS 4 A B & C THE AVENUE", 'A "B", C', "é ü 😀", "", "x\r\ny"];
    expect(csvLine(values).endsWith("\r\n")).toBe(true);
    expect(parseCsv(csvLine(values) + csvLine(["2"]))).toEqual([values, ["2"]]);
  });
});
