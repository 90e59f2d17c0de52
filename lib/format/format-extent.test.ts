import { describe, expect, it } from "vitest";
import { formatExtent } from "./format-extent";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatExtent", () => {
  it("writes square metres with grouped digits and a decimal comma", () => {
    expect(plain(formatExtent(1634))).toBe("1 634 m²");
    expect(plain(formatExtent(812.5))).toBe("812,5 m²");
    expect(plain(formatExtent(1234567.25))).toBe("1 234 567,25 m²");
  });

  it("says so when the extent is missing", () => {
    expect(formatExtent(null)).toBe("Not given");
  });
});
