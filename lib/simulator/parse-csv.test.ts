import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./parse-csv";

describe("parseCsv", () => {
  it("handles quoted commas, doubled quotes and CRLF", () => {
    expect(parseCsv('a,b\r\n"1, 2","say ""hi"""\r\n')).toEqual([
      ["a", "b"],
      ["1, 2", 'say "hi"'],
    ]);
  });

  it("keeps empty fields", () => {
    expect(parseCsv(",x,\n")).toEqual([["", "x", ""]]);
  });

  it("maps records by header", () => {
    expect(parseCsvRecords('value,text\n842,"BALGOWRIE & BARTLETT"\n')).toEqual([{ value: "842", text: "BALGOWRIE & BARTLETT" }]);
  });
});
