import { expect, test } from "@playwright/test";

// The glossary: a property page's link to an entry (/glossary#use-15) lands on that entry, in the
// reader's language, with the roll's own wording beside it.

test("/glossary#use-15 in isiZulu shows that entry, in isiZulu", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "dvre_locale", value: "zu", url: baseURL! }]);
  await page.goto("/glossary#use-15");
  expect(await page.locator("html").getAttribute("lang")).toBe("zu-ZA");
  await expect(page.getByRole("heading", { level: 1, name: "Uhlu lwamagama" })).toBeVisible();

  const entry = page.locator("#use-15");
  await expect(entry).toBeInViewport();
  await expect(entry.locator("dt")).toHaveText("Ikhaya elilodwa");
  await expect(entry).toContainText("Ohlwini: Single Residential (15)");
  await expect(entry.locator("[lang=en-ZA]")).toHaveText("Single Residential (15)");
  await expect(entry).toContainText("Indlu esesizeni sayo");
  expect(await entry.evaluate((element) => element.matches(":target"))).toBe(true);

  await expect(page.locator("#category-business-commercial dt")).toHaveText("Amabhizinisi nezohwebo");
});

test("the glossary in English explains each rating category's rate", async ({ page }) => {
  await page.goto("/glossary#category-business-commercial");
  await expect(page).toHaveTitle(/^Glossary · /);
  const entry = page.locator("#category-business-commercial");
  await expect(entry).toBeInViewport();
  await expect(entry.locator("dt")).toHaveText("Business and commercial");
  await expect(entry).toContainText("On the roll: Business & Commercial");
  await expect(entry).toContainText("cents in the rand");
});
