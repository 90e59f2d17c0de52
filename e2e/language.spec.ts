import { expect, test, type Page } from "@playwright/test";
import { residentPages } from "./pages";

// Every page in English and isiZulu: chosen from the browser's Accept-Language, changed with the
// header's switch and remembered; `lang` set to match; no page shows a message its catalogue lacks
// (lib/i18n/missing-message.ts marks one "⟦…⟧").

async function pageLanguage(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

test.describe("a browser that asks for isiZulu", () => {
  test.use({ locale: "zu-ZA" });

  test("gets every page in isiZulu, says so in Content-Language, and no cache in front may keep it", async ({ page }) => {
    const response = await page.goto("/about");
    expect(await pageLanguage(page)).toBe("zu-ZA");
    expect(response!.headers()["content-language"]).toBe("zu-ZA");
    expect(response!.headers()["cache-control"]).toMatch(/private.*no-store/);
    await expect(page.getByRole("navigation", { name: "Okuyinhloko" }).getByRole("link", { name: "Sesha" })).toBeVisible();
  });
});

test("the switch changes the language of the page you are on, and is remembered", async ({ page, context }) => {
  await page.goto("/suburbs?sort=name");
  expect(await pageLanguage(page)).toBe("en-ZA");
  await page.getByRole("button", { name: "isiZulu" }).click();
  await expect(page).toHaveURL(/\/suburbs\?sort=name$/);
  await expect.poll(() => pageLanguage(page)).toBe("zu-ZA");
  await expect(page.getByRole("link", { name: "Izindawo" })).toHaveAttribute("aria-current", "page");

  // Remembered: another page, and a new visit, stay in isiZulu though the browser asks for English.
  await page.goto("/about");
  expect(await pageLanguage(page)).toBe("zu-ZA");
  const cookie = (await context.cookies()).find((entry) => entry.name === "dvre_locale");
  expect(cookie).toMatchObject({ value: "zu", path: "/", sameSite: "Lax" });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3_600_000);

  await page.getByRole("button", { name: "English" }).click();
  await expect.poll(() => pageLanguage(page)).toBe("en-ZA");
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("link", { name: "Suburbs" })).toBeVisible();
});

test("the switch works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-ZA" });
  const page = await context.newPage();
  await page.goto("/about");
  await page.getByRole("button", { name: "isiZulu" }).click();
  await expect.poll(() => pageLanguage(page)).toBe("zu-ZA");
  await expect(page).toHaveURL(/\/about$/);
  await context.close();
});

for (const locale of ["en", "zu"] as const) {
  test(`no page shows a missing message (${locale})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await context.addCookies([{ name: "dvre_locale", value: locale, url: baseURL! }]);
    const missing: string[] = [];
    for (const { name, path } of await residentPages()) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await pageLanguage(page), name).toBe(locale === "zu" ? "zu-ZA" : "en-ZA");
      const text = await page.locator("html").evaluate((element) => `${document.title} ${element.textContent ?? ""} ${[...element.querySelectorAll("[aria-label],[title],[alt],[placeholder]")].map((node) => ["aria-label", "title", "alt", "placeholder"].map((attribute) => node.getAttribute(attribute) ?? "").join(" ")).join(" ")}`);
      for (const marker of text.match(/⟦[^⟧]*⟧/g) ?? []) missing.push(`${name}: ${marker}`);
    }
    expect(missing).toEqual([]);
  });
}
