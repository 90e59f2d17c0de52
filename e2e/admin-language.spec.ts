import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The admin pages in isiZulu (the switch's cookie): `lang`, every message found in the catalogue
// (a missing one shows as "⟦…⟧"), the headings in isiZulu, and axe finds no violations, on the
// dashboard and on a run's page.

async function checkPage(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  expect(await page.locator("html").getAttribute("lang"), name).toBe("zu-ZA");
  const text = await page.locator("html").evaluate((element) => `${document.title} ${element.textContent ?? ""} ${[...element.querySelectorAll("[aria-label],[title],[alt],[placeholder]")].map((node) => ["aria-label", "title", "alt", "placeholder"].map((attribute) => node.getAttribute(attribute) ?? "").join(" ")).join(" ")}`);
  expect(text.match(/⟦[^⟧]*⟧/g) ?? [], name).toEqual([]);
  const report = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).setLegacyMode(true).analyze();
  expect(report.violations.map((violation) => `${name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("the admin pages in isiZulu: every message, the headings, and no axe violations", async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await context.addCookies([{ name: "dvre_locale", value: "zu", url: baseURL! }]);
  await page.goto("/admin/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Ukungena kwabaphathi" })).toBeVisible();
  await checkPage(page, "sign-in");
  await page.getByLabel("Iphasiwedi").fill("e2e-admin-password");
  await page.getByRole("button", { name: "Ngena" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await expect(page).toHaveTitle(/^Abaphathi · /);
  await expect(page.getByRole("heading", { level: 1, name: "Abaphathi", exact: true })).toBeVisible();
  for (const heading of ["Qala ukukopisha kabusha", "Ukuhlola isayithi", "Umlando wemijikelezo", "Isimo semininingwane", "Izinhlu zokulinganiselwa", "Amaseshini angenile", "Amagama abanikazi agodliwe ngesicelo", "Irekhodi lezenzo (audit log)"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Qala umjikelezo" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Phuma" })).toBeVisible();
  await checkPage(page, "admin");

  // The stack's own scrapes are in the history: open the first.
  await page.getByRole("region", { name: "Imijikelezo yokukopisha, yakamuva kuqala" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/runs\/\d+$/);
  const runId = /(\d+)$/.exec(page.url())![1];
  await expect(page.getByRole("heading", { level: 1, name: `Umjikelezo #${runId}` })).toBeVisible();
  await expect(page.getByTestId("run-state")).toHaveText("uphumelele");
  await expect(page.getByRole("heading", { level: 2, name: "Ukuphelela" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Imisebenzi ehlulekile" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Yonke imisebenzi" })).toHaveAttribute("aria-valuenow", "100");
  await checkPage(page, "run");
});
