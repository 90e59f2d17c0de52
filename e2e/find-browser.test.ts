import { describe, expect, it } from "vitest";
import { findBrowser, type BrowserSearch } from "./find-browser";

const PLAYWRIGHT = "/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

function search(files: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = "linux"): BrowserSearch {
  return { env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...env }, playwrightChromium: PLAYWRIGHT, platform, exists: (f) => files.includes(f) };
}

describe("findBrowser", () => {
  it("uses Playwright's own Chromium when it is installed", () => {
    expect(findBrowser(search([PLAYWRIGHT, "/usr/bin/chromium"]))).toEqual({ source: "playwright", executablePath: undefined });
  });

  it("prefers CHROMIUM_PATH over everything else", () => {
    const choice = findBrowser(search([PLAYWRIGHT, "/opt/chrome/chrome"], { CHROMIUM_PATH: "/opt/chrome/chrome" }));
    expect(choice).toEqual({ source: "CHROMIUM_PATH", executablePath: "/opt/chrome/chrome" });
  });

  it("says so when CHROMIUM_PATH names a missing file, even if another browser exists", () => {
    const choice = findBrowser(search(["/usr/bin/chromium"], { CHROMIUM_PATH: "/nowhere/chrome" }));
    expect(choice.source).toBe("none");
    expect(choice.source === "none" && choice.message).toMatch(/^CHROMIUM_PATH is \/nowhere\/chrome, which does not exist\./);
  });

  it("finds Debian's Chromium on PATH when Playwright has no browser", () => {
    expect(findBrowser(search(["/usr/bin/chromium"]))).toEqual({ source: "PATH", executablePath: "/usr/bin/chromium" });
  });

  it("takes the first PATH directory holding a browser name", () => {
    const choice = findBrowser(search(["/usr/bin/google-chrome", "/usr/local/bin/google-chrome"]));
    expect(choice).toEqual({ source: "PATH", executablePath: "/usr/local/bin/google-chrome" });
  });

  it("finds Chrome in the standard place on macOS", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findBrowser(search([chrome], {}, "darwin"))).toEqual({ source: "standard location", executablePath: chrome });
  });

  it("says in one line what to install when there is no browser", () => {
    const choice = findBrowser(search([]));
    expect(choice.source).toBe("none");
    const message = choice.source === "none" ? choice.message : "";
    expect(message).not.toContain("\n");
    expect(message).toContain("npx playwright install chromium");
    expect(message).toContain("CHROMIUM_PATH");
  });
});
