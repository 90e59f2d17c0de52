import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { residentPages } from "./pages";
import { settled } from "./search-page";

// axe finds no violations on any page, in English and in isiZulu, on a desktop and a phone; and a
// person with only a keyboard gets from the search to a property page.

// Pages whose phone layout differs from the desktop one (cards instead of a table) are checked on both.
const PHONE_LAYOUTS = new Set(["search-results", "property", "suburb", "changes"]);

for (const locale of ["en", "zu"] as const) {
  test(`no axe violations on any page, on a desktop and on a phone (${locale})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await context.addCookies([{ name: "dvre_locale", value: locale, url: baseURL! }]);
    const violations: string[] = [];
    for (const viewport of [
      { label: "desktop", width: 1280, height: 900 },
      { label: "phone", width: 375, height: 667 },
    ]) {
      await page.setViewportSize(viewport);
      for (const { name, path } of await residentPages()) {
        if (viewport.label === "phone" && !PHONE_LAYOUTS.has(name)) continue;
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        // Legacy mode runs axe in the page itself, without a second page to merge frame results in
        // (our pages have no frames): about twice as fast on this machine.
        const report = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).setLegacyMode(true).analyze();
        for (const violation of report.violations) {
          violations.push(`${viewport.label} ${name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
}

test("keyboard only: search, open a result, read the property page", async ({ page }) => {
  await page.goto("/");
  await settled(page);
  // The first Tab reaches the skip link, which jumps to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");

  const box = page.getByLabel("Street, rate number, erf or scheme");
  for (let i = 0; i < 10 && !(await box.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(box).toBeFocused();
  await page.keyboard.type("road");
  await page.keyboard.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("road");
  await settled(page);

  const firstResult = page.locator("table tbody tr").first().getByRole("link");
  const target = await firstResult.getAttribute("href");
  for (let i = 0; i < 40 && !(await firstResult.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(firstResult).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${target!.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("market-value")).toBeVisible();

  // Back to the results, where the search is as it was.
  await page.goBack();
  await expect(page.getByLabel("Street, rate number, erf or scheme")).toHaveValue("road");
});
