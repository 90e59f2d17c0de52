import { describe, expect, it } from "vitest";
import { chooseLocale } from "./choose-locale";

describe("chooseLocale", () => {
  it("takes the switch's remembered choice over the browser's languages", () => {
    expect(chooseLocale({ cookie: "zu", acceptLanguage: "en-ZA,en;q=0.9" })).toBe("zu");
    expect(chooseLocale({ cookie: "en", acceptLanguage: "zu-ZA" })).toBe("en");
  });

  it("reads Accept-Language with its regional tags and q-values", () => {
    expect(chooseLocale({ acceptLanguage: "zu-ZA,zu;q=0.9,en;q=0.8" })).toBe("zu");
    expect(chooseLocale({ acceptLanguage: "zu" })).toBe("zu");
    expect(chooseLocale({ acceptLanguage: "en-ZA,zu;q=0.5" })).toBe("en");
    expect(chooseLocale({ acceptLanguage: "en;q=0.4,zu;q=0.8" })).toBe("zu");
    expect(chooseLocale({ acceptLanguage: "af-ZA,zu;q=0.7,en;q=0.3" })).toBe("zu");
  });

  it("falls back to English for a language we do not speak, a bad cookie or no header", () => {
    expect(chooseLocale({ acceptLanguage: "fr-FR,af;q=0.9" })).toBe("en");
    expect(chooseLocale({ cookie: "xh", acceptLanguage: null })).toBe("en");
    expect(chooseLocale({})).toBe("en");
    expect(chooseLocale({ acceptLanguage: ";;;garbage" })).toBe("en");
  });
});
