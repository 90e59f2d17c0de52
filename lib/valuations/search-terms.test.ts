import { describe, expect, it } from "vitest";
import { digitPrefixRange, escapeLike, foldedLookupText, indexedTerms, normaliseSearch, phraseIsRare, searchTerms, termStrength } from "./search-terms";

describe("search terms", () => {
  it("normalises case and spacing and splits into distinct words, longest first", () => {
    expect(normaliseSearch("  Portion 16   of ERF 74 ")).toBe("portion 16 of erf 74");
    expect(searchTerms("portion 16 of erf 74 of")).toEqual(["portion", "erf", "16", "of", "74"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });

  it("judges a word by its shape: no trigram or the roll's vocabulary is common, three characters medium, longer selective", () => {
    expect(["12", "of", "erf", "portion", "section", "road", "street"].map(termStrength)).toEqual(Array(7).fill("common"));
    expect(["114", "942", "60a", "kwa"].map(termStrength)).toEqual(Array(4).fill("medium"));
    expect(["3377", "18288", "wrenford", "pinetown"].map(termStrength)).toEqual(Array(4).fill("selective"));
  });

  it("looks up every word that is not common in the index, else the longest of three characters or more", () => {
    expect(indexedTerms(["wrenford", "114"])).toEqual(["wrenford", "114"]);
    expect(indexedTerms(["18288", "erf"])).toEqual(["18288"]);
    expect(indexedTerms(["portion", "erf", "16", "of", "74"])).toEqual(["portion"]);
    expect(indexedTerms(["16", "of"])).toEqual([]);
    expect(indexedTerms([])).toEqual([]);
  });

  it("folds a phrase's spaces to q and cuts its common first and last words to the character beside the space", () => {
    expect(foldedLookupText("portion 27 of")).toBe("nq27qo");
    expect(foldedLookupText("erf 18288 of")).toBe("fq18288qo");
    expect(foldedLookupText("rem of portion")).toBe("mqofqp");
    expect(foldedLookupText("12 smith")).toBe("2qsmith");
    expect(foldedLookupText("wrenford place")).toBe("wrenfordqp");
    expect(foldedLookupText("beachwood section 12")).toBe("beachwoodqsectionq1");
    expect(foldedLookupText("ss 5, a")).toBe("sq5,qa");
    expect(foldedLookupText("erf")).toBe("erf");
    for (const phrase of ["portion 27 of", "rem of portion", "12 smith", "ss 5, a"]) {
      expect(phrase.replaceAll(" ", "q")).toContain(foldedLookupText(phrase));
    }
  });

  it("calls a phrase rare when it has a selective word or a number of three digits or more between two words", () => {
    expect(["erf 942 of", "erf 18288 of", "ss wilds view", "12 smith"].map(phraseIsRare)).toEqual([true, true, true, true]);
    expect(["portion 27 of", "rem of portion", "section 12 of", "erf 942", "of the farm"].map(phraseIsRare)).toEqual([false, false, false, false, false]);
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
