import { expect, test } from "@playwright/test";
import { results, settled, shownRateNumbers, urlParam } from "./search-page";

// The search page in isiZulu (the switch's cookie): typing searches, the status line and the
// table speak isiZulu, numbers are written the South African way ("3 003") as in English.

const SEARCH_BOX = "Umgwaqo, inombolo yezintela, isiza (erf) noma uhlelo (scheme)";
// "Kutholakale izakhiwo ezingu-3 003. Kuboniswa 1–25." (a non-breaking space between digit groups)
const FOUND = /^Kutholakale (izakhiwo ezingu|isakhiwo esingu)-(\d{1,3}(\u00a0\d{3})*)\. Kuboniswa (\d{1,3}(\u00a0\d{3})*)–(\d{1,3}(\u00a0\d{3})*)\.$/;

test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies([{ name: "dvre_locale", value: "zu", url: baseURL! }]);
});

test("search works in isiZulu: typing, the status line, paging", async ({ page }) => {
  await page.goto("/");
  await settled(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thola isakhiwo ohlwini lokulinganiselwa");
  // The whole roll: thousands of properties, grouped with a space.
  const status = page.getByTestId("result-count");
  await expect(status).toHaveText(FOUND);
  expect((await status.textContent())!).toMatch(/ezingu-\d{1,3}\u00a0\d{3}/);

  await page.getByLabel(SEARCH_BOX).fill("road");
  await expect.poll(() => urlParam(page, "q")).toBe("road");
  await settled(page);
  expect((await shownRateNumbers(page)).length).toBeGreaterThan(0);
  await expect(status).toHaveText(FOUND);
  await expect(page).toHaveTitle(/^Usesho: “road” · /);
  await expect(results(page).getByRole("columnheader", { name: "Ikheli" })).toBeVisible();
  await expect(page.getByLabel("Ukuhlela")).toHaveValue("relevance");

  const next = page.getByRole("link", { name: "Okulandelayo" });
  if (await next.isVisible()) {
    await next.click();
    await expect(status).toContainText("Kuboniswa 26–50.");
  }
});

test("a search that finds nothing says so in isiZulu and can be cleared", async ({ page }) => {
  await page.goto("/?q=zzzqqq&useCode=15");
  await expect(page.getByTestId("result-count")).toHaveText("Azikho izakhiwo ezitholakele.");
  await page.getByRole("link", { name: "noma yikuphi ukusetshenziswa" }).click();
  await expect.poll(() => urlParam(page, "useCode")).toBeNull();
  await page.getByRole("link", { name: "Sula usesho nazo zonke izihlungi" }).click();
  await expect(page.getByTestId("result-count")).toHaveText(FOUND);
});

test("320 px: the isiZulu search still fits", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/?q=road");
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
