import { describe, expect, it } from "vitest";
import { copyTextField, copyTextLine } from "./copy-text";

describe("copyTextField", () => {
  it("writes null, booleans and numbers as PostgreSQL reads them", () => {
    expect([null, true, false, 0, 1_830_000, 1634.25].map(copyTextField)).toEqual(["\\N", "t", "f", "0", "1830000", "1634.25"]);
  });

  it("escapes backslash, tab, newline and carriage return, and nothing else", () => {
    expect(copyTextField('a\\b\tc\nd\re "quoted" \'x\' ,;')).toBe('a\\\\b\\tc\\nd\\re "quoted" \'x\' ,;');
    expect(copyTextField('{"address":"1 \\"A\\" ROAD"}')).toBe('{"address":"1 \\\\"A\\\\" ROAD"}');
  });

  it("keeps the text \\N apart from null", () => {
    expect(copyTextField("\\N")).toBe("\\\\N");
  });

  it("refuses numbers PostgreSQL would not read back as written", () => {
    expect(() => copyTextField(Number.NaN)).toThrow(/NaN/);
  });
});

describe("copyTextLine", () => {
  it("joins the fields with tabs and ends the line", () => {
    expect(copyTextLine(["05100037", null, false, 15])).toBe("05100037\t\\N\tf\t15\n");
  });
});
