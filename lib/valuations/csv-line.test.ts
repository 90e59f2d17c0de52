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

  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("+27 31 000 0000")).toBe("'+27 31 000 0000");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("@home")).toBe("'@home");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Quoted as the text itself would be: a leading tab or CR still forces the quotes.
    expect(csvField("\t=1+1")).toBe(`"'\t=1+1"`);
    expect(csvField("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvField("O'Brien")).toBe("O'Brien");
    expect(csvField("1-2 MAIN ROAD")).toBe("1-2 MAIN ROAD");
  });

  it("writes numbers as numbers: a negative one is not a formula", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(-1634.25)).toBe("-1634.25");
    expect(csvLine(["-5", -5])).toBe("'-5,-5\r\n");
  });

  it("writes records a CSV reader gives back unchanged", () => {
    const values = ["SS ALEC'S MEWS", "SS 4 A B & C THE AVENUE", 'A "B", C', "é ü 😀", "", "x\r\ny"];
    expect(csvLine(values).endsWith("\r\n")).toBe(true);
    expect(parseCsv(csvLine(values) + csvLine(["2"]))).toEqual([values, ["2"]]);
  });
});
