import { describe, expect, it } from "vitest";
import { languageSwitchAnswer, returnPath } from "./language-switch-answer";

describe("returnPath", () => {
  it("goes back to the page and query the reader was on", () => {
    expect(returnPath("http://localhost:3000/suburbs/20840?roll=gv2017")).toBe("/suburbs/20840?roll=gv2017");
    expect(returnPath("https://valuations.example/")).toBe("/");
  });

  it("never leaves the site, and falls back to the search page", () => {
    expect(returnPath("https://valuations.example//evil.example/x")).toBe("/evil.example/x");
    expect(returnPath(null)).toBe("/");
    expect(returnPath("not a url")).toBe("/");
  });
});

describe("languageSwitchAnswer", () => {
  it("remembers the language for a year and sends the reader back with a 303", () => {
    const answer = languageSwitchAnswer({ locale: "zu", referer: "http://localhost:3000/about", secure: true });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/about");
    expect(answer.headers.get("set-cookie")).toBe("dvre_locale=zu; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
  });

  it("refuses a language it does not have, saying which it has", async () => {
    const answer = languageSwitchAnswer({ locale: "fr", referer: null, secure: false });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("set-cookie")).toBeNull();
    expect(await answer.text()).toContain("choose en or zu");
  });
});
