import { existsSync } from "node:fs";
import path from "node:path";

/** Where the browser tests' Chromium comes from, or why there is none. */
export type BrowserChoice =
  | { source: "playwright"; executablePath: undefined }
  | { source: "CHROMIUM_PATH" | "PATH" | "standard location"; executablePath: string }
  | { source: "none"; message: string };

export interface BrowserSearch {
  env: Record<string, string | undefined>;
  /** Where Playwright's own Chromium would be (`chromium.executablePath()`), installed or not. */
  playwrightChromium: string;
  platform: NodeJS.Platform;
  exists: (file: string) => boolean;
}

const NAMES_ON_PATH = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

const STANDARD_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ],
};

const INSTALL_HINT =
  "No Chromium for the browser tests: run `npx playwright install chromium`, or install Chromium " +
  "(Debian/Ubuntu: `apt-get install chromium`; macOS: `brew install --cask chromium`), " +
  "or set CHROMIUM_PATH to a Chromium or Chrome executable.";

/**
 * CHROMIUM_PATH when set (it must exist: a wrong one is an error, not passed over), else Playwright's
 * own browser when installed, else a Chromium or Chrome on PATH (or in the platform's standard place).
 */
export function findBrowser(search: BrowserSearch): BrowserChoice {
  const named = search.env.CHROMIUM_PATH?.trim();
  if (named) {
    if (search.exists(named)) return { source: "CHROMIUM_PATH", executablePath: named };
    return { source: "none", message: `CHROMIUM_PATH is ${named}, which does not exist. ${INSTALL_HINT}` };
  }
  if (search.exists(search.playwrightChromium)) return { source: "playwright", executablePath: undefined };
  const dirs = (search.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of NAMES_ON_PATH) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (search.exists(candidate)) return { source: "PATH", executablePath: candidate };
    }
  }
  for (const candidate of STANDARD_LOCATIONS[search.platform] ?? []) {
    if (search.exists(candidate)) return { source: "standard location", executablePath: candidate };
  }
  return { source: "none", message: INSTALL_HINT };
}

export const fileExists = (file: string) => existsSync(file);
