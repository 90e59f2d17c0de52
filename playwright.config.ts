import { chromium, defineConfig, devices } from "@playwright/test";
import { register } from "node:module";
import { fileExists, findBrowser } from "./e2e/find-browser";

// Specs import lib/ code that imports the message catalogues (JSON): see e2e/json-modules.mjs.
register("./e2e/json-modules.mjs", import.meta.url);

// End-to-end tests against `next start` on a freshly scraped simulator roll (e2e/start-stack.ts).
// Needs a prior `next build`. The browser: CHROMIUM_PATH when set (it must exist), else Playwright's
// own when installed, else a Chromium or Chrome on PATH (Debian's /usr/bin/chromium on CI: no browser download).
const browser = findBrowser({
  env: process.env,
  playwrightChromium: chromium.executablePath(),
  platform: process.platform,
  exists: fileExists,
});
if (browser.source === "none") {
  console.error(browser.message);
  process.exit(1);
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results/e2e",
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: "http://127.0.0.1:3100",
    locale: "en-ZA",
    timezoneId: "Africa/Johannesburg",
    acceptDownloads: true,
    // Tracing records every DOM change (axe makes many): too slow for this machine. Turn it on
    // for one run with --trace on.
    trace: "off",
    launchOptions: {
      executablePath: browser.executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // Node itself (not npx) so that the signal reaches the script and it can finish cleaning up.
    command: "node --import tsx e2e/start-stack.ts",
    url: "http://127.0.0.1:3100/api/health",
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM lets e2e/start-stack.ts stop the app and drop its database (the default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
