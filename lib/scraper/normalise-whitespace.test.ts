import { describe, expect, it } from "vitest";
import { collapseWhitespace, textOrNull } from "./normalise-whitespace";

describe("collapseWhitespace", () => {
  it("trims and collapses runs of spaces, tabs, CRLF and NBSP", () => {
    expect(collapseWhitespace("  BRAESIDE ROAD      \r\n\t SEA\u00a0\u00a0VIEW ")).toBe("BRAESIDE ROAD SEA VIEW");
  });
  it("leaves single spaces alone and empties blank text", () => {
    expect(collapseWhitespace("ERF 18288 of PINETOWN")).toBe("ERF 18288 of PINETOWN");
    expect(collapseWhitespace(" \r\n ")).toBe("");
  });
  it("replaces a lone tab, NBSP or line break, and trims text that needs nothing else", () => {
    expect(collapseWhitespace("A\tB\u00a0C\nD")).toBe("A B C D");
    expect(collapseWhitespace(" A B ")).toBe("A B");
    expect(collapseWhitespace("\u00a0A")).toBe("A");
  });
});

describe("textOrNull", () => {
  it("returns null for blank text and the collapsed text otherwise", () => {
    expect(textOrNull("   ")).toBeNull();
    expect(textOrNull("")).toBeNull();
    expect(textOrNull(" R S  A ")).toBe("R S A");
  });
});
