import { mkdir } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { residentPages } from "./pages";

// Every page on a 375×667 phone: a full-page screenshot into test-results/mobile/ for a person
// to look at, and no sideways scrolling of the page itself (wide tables scroll inside their box).

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

test("every page fits a 375 px wide phone", async ({ page }) => {
  await mkdir("test-results/mobile", { recursive: true });
  const overflowing: string[] = [];
  for (const { name, path } of await residentPages()) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `test-results/mobile/${name}.png`, fullPage: true });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, body: document.body.scrollWidth }));
    if (widths.scroll > widths.client || widths.body > widths.client) overflowing.push(`${name}: ${JSON.stringify(widths)}`);
  }
  expect(overflowing).toEqual([]);
});

test("results are cards on a phone, with the address and the value", async ({ page }) => {
  await page.goto("/?q=road");
  const card = page.getByRole("list", { name: "Results" }).getByRole("listitem").first();
  await expect(card).toBeVisible();
  await expect(card.getByRole("link")).toBeVisible();
  await expect(card).toContainText("R\u00a0");
  await expect(page.locator("table")).toBeHidden();
});

test("320 px: the search still fits", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/?q=road");
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
