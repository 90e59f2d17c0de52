import { describe, expect, it } from "vitest";
import { digitPrefixRange, escapeLike, indexedTerm, normaliseSearch, searchTerms } from "./search-terms";

describe("search terms", () => {
  it("normalises case and spacing and splits into distinct words, longest first", () => {
    expect(normaliseSearch("  Portion 16   of ERF 74 ")).toBe("portion 16 of erf 74");
    expect(searchTerms("portion 16 of erf 74 of")).toEqual(["portion", "erf", "16", "of", "74"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });

  it("looks up the most selective word in the index: digits first, then length, three characters at least", () => {
    expect(indexedTerm(["erf", "18288"])).toBe("18288");
    expect(indexedTerm(["pinetown", "erf"])).toBe("pinetown");
    expect(indexedTerm(["portion", "erf", "16", "of", "74"])).toBe("portion");
    expect(indexedTerm(["16", "of"])).toBe("16");
    expect(indexedTerm([])).toBeUndefined();
  });

  it("escapes LIKE wildcards", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });

  it("turns a digit prefix into a range that holds exactly the numbers starting with it", () => {
    expect(digitPrefixRange("0510")).toEqual({ lower: "0510", upper: "0511" });
    expect(digitPrefixRange("0519")).toEqual({ lower: "0519", upper: "052" });
    expect(digitPrefixRange("0999")).toEqual({ lower: "0999", upper: "1" });
    expect(digitPrefixRange("99")).toEqual({ lower: "99", upper: null });
    for (const prefix of ["0", "05", "059", "5", "99"]) {
      const { lower, upper } = digitPrefixRange(prefix);
      for (const number of ["00000000", "05000000", "05900000", "05999999", "06000000", "59999999", "99999999"]) {
        const inRange = number >= lower && (upper === null || number < upper);
        expect(inRange, `${prefix} ${number}`).toBe(number.startsWith(prefix));
      }
    }
  });
});
