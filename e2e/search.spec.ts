import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { columnTexts, isHydrated, randValue, results, searchFor, settled, shownRateNumbers, shownTotal, urlParam } from "./search-page";
import { queryStack } from "./stack";

// The search page against the scraped simulator roll: find by rate number, address and legal
// description; filter; sort; page; share; export; and the same search without JavaScript.

type Row = { rate_number: string; address: string; street_name: string; legal_description: string; suburb_name: string; use_code: number };

async function sampleRow(where = "TRUE"): Promise<Row> {
  const [row] = await queryStack<Row>(
    `SELECT rate_number, address, street_name, legal_description, suburb_name, use_code FROM valuations
      WHERE roll = 'gv2022' AND removed_at IS NULL AND title_type = 'full' AND rate_number ~ '^[0-9]{8}$'
        AND street_name IS NOT NULL AND use_code IS NOT NULL AND ${where}
      ORDER BY rate_number LIMIT 1 OFFSET 40`,
  );
  if (!row) throw new Error("no sample row in the e2e database");
  return row;
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await settled(page);
});

test("finds a property by its rate number, first in the list", async ({ page }) => {
  const row = await sampleRow();
  await searchFor(page, row.rate_number);
  expect((await shownRateNumbers(page))[0]).toBe(row.rate_number);
  await expect(page).toHaveTitle(new RegExp(`^Search: “${row.rate_number}”`));
});

test("finds properties by part of the address, whatever the case", async ({ page }) => {
  const row = await sampleRow("street_name ~ '^[A-Z]{4,} (ROAD|STREET|DRIVE|AVENUE|PLACE)$'");
  const fragment = row.street_name.toLowerCase();
  await searchFor(page, fragment);
  const addresses = await columnTexts(page, 0);
  expect(addresses.length).toBeGreaterThan(0);
  for (const address of addresses) expect(address.toLowerCase()).toContain(fragment);
  expect(await shownRateNumbers(page)).toContain(row.rate_number);
});

test("finds a property by its legal description", async ({ page }) => {
  const row = await sampleRow("legal_description ~ '^ERF [0-9]+ of '");
  await searchFor(page, row.legal_description);
  expect(await shownRateNumbers(page)).toContain(row.rate_number);
  for (const legal of await columnTexts(page, 3)) expect(legal.toLowerCase()).toContain(row.legal_description.toLowerCase().split(" of ")[0]);
});

test("filters by suburb and use, with the same total as the database", async ({ page }) => {
  const row = await sampleRow();
  await page.getByText("Filters", { exact: true }).click();
  await page.getByLabel("Suburb").fill(row.suburb_name);
  await expect.poll(() => urlParam(page, "suburb")).toBe(row.suburb_name);
  await page.getByLabel("Use", { exact: true }).selectOption(String(row.use_code));
  await expect.poll(() => urlParam(page, "useCode")).toBe(String(row.use_code));
  const [expected] = await queryStack<{ count: number }>(
    `SELECT count(*)::int AS count FROM valuations WHERE roll = 'gv2022' AND removed_at IS NULL AND suburb_name = $1 AND use_code = $2`,
    [row.suburb_name, row.use_code],
  );
  expect(await shownTotal(page)).toBe(expected?.count);
  for (const suburb of await columnTexts(page, 2)) expect(suburb).toBe(row.suburb_name);
  await expect(page.getByText(/Filters \(2 on\)/)).toBeVisible();
});

test("sorts by market value both ways with the header button", async ({ page }) => {
  const header = page.getByRole("columnheader", { name: /Market value/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  expect(urlParam(page, "sort")).toBe("marketValue");
  const ascending = (await columnTexts(page, 6)).map(randValue).filter((value) => value !== null);
  expect(ascending.length).toBeGreaterThan(10);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(urlParam(page, "sort")).toBe("-marketValue");
  const descending = (await columnTexts(page, 6)).map(randValue).filter((value) => value !== null);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  expect(descending[0]).toBeGreaterThan(ascending[0] ?? 0);
});

test("pages forward and back, with the buttons and with the browser", async ({ page }) => {
  const first = await shownRateNumbers(page);
  expect(first).toHaveLength(25);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("result-count")).toContainText("Showing 26–50");
  const second = await shownRateNumbers(page);
  expect(second).toHaveLength(25);
  expect(second.filter((rateNumber) => first.includes(rateNumber))).toEqual([]);
  expect(second[0]! > first[24]!).toBe(true);

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("result-count")).toContainText("Showing 51–75");
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page.getByTestId("result-count")).toContainText("Showing 26–50");
  expect(await shownRateNumbers(page)).toEqual(second);
  // History: page 1, 2, 3, then 2 again (Previous is a link like any other).
  await page.goBack();
  await expect(page.getByTestId("result-count")).toContainText("Showing 51–75");
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId("result-count")).toContainText("Showing 1–25");
  expect(await shownRateNumbers(page)).toEqual(first);
  await page.goForward();
  await expect(page.getByTestId("result-count")).toContainText("Showing 26–50");
  expect(await shownRateNumbers(page)).toEqual(second);
});

test("a shared URL opens the same view in a new page", async ({ page, context }) => {
  await searchFor(page, "street");
  await page.getByLabel("Sort by").selectOption("-marketValue");
  await page.getByLabel("Per page").selectOption("50");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("result-count")).toContainText("Showing 51–");
  const shown = await shownRateNumbers(page);

  const other = await context.newPage();
  await other.goto(page.url());
  expect(await shownRateNumbers(other)).toEqual(shown);
  await expect(other.getByLabel("Street, rate number, erf or scheme")).toHaveValue("street");
  await expect(other.getByLabel("Sort by")).toHaveValue("-marketValue");
  await expect(other).toHaveTitle(/“street” · page 2/);
});

test("the CSV download holds exactly the rows of the filter", async ({ page }) => {
  const row = await sampleRow();
  await page.goto(`/?suburb=${encodeURIComponent(row.suburb_name)}&useCode=${row.use_code}&sort=-marketValue`);
  const total = await shownTotal(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^valuations-gv2022-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(total);
  const header = lines[0]!.split(",");
  const rateColumn = header.indexOf("rateNumber");
  expect(rateColumn).toBeGreaterThanOrEqual(0);
  const exported = new Set(lines.slice(1).map((line) => line.split(",")[rateColumn]?.replace(/"/g, "")));
  for (const rateNumber of await shownRateNumbers(page)) expect(exported.has(rateNumber)).toBe(true);
});

test("says how to broaden a search that finds nothing, and clears it", async ({ page }) => {
  await page.goto("/?q=zzzqqq&useCode=15");
  await expect(page.getByTestId("empty-results")).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("No properties found.");
  await page.getByRole("link", { name: "any use" }).click();
  await expect.poll(() => urlParam(page, "useCode")).toBeNull();
  await page.getByRole("link", { name: "Clear the search and every filter" }).click();
  expect(await shownTotal(page)).toBeGreaterThan(2000);
});

test("shows an error with a working retry when the API fails", async ({ page }) => {
  let failures = 1;
  await page.route("**/api/valuations?*", async (route) => {
    if (failures-- > 0) await route.fulfill({ status: 503, body: "down" });
    else await route.continue();
  });
  await searchFor(page, "road");
  await expect(results(page).getByRole("alert")).toContainText("The results could not be loaded");
  await page.getByRole("button", { name: "Try again" }).click();
  await settled(page);
  expect(await shownTotal(page)).toBeGreaterThan(0);
});

test("only the last of quickly typed searches is shown", async ({ page }) => {
  const row = await sampleRow();
  const box = page.getByLabel("Street, rate number, erf or scheme");
  await box.pressSequentially(row.rate_number, { delay: 40 });
  await expect.poll(() => urlParam(page, "q")).toBe(row.rate_number);
  expect((await shownRateNumbers(page))[0]).toBe(row.rate_number);
});

test("keys typed before the page's script has run are kept and searched for", async ({ page }) => {
  const row = await sampleRow();
  // Hold the page's scripts back until the rate number is in the server-rendered box.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/", { waitUntil: "commit" });
  const box = page.getByLabel("Street, rate number, erf or scheme");
  await box.pressSequentially(row.rate_number, { delay: 20 });
  expect(await isHydrated(box), "typed before hydration").toBe(false);
  release();
  await expect.poll(() => urlParam(page, "q")).toBe(row.rate_number);
  await expect(box).toHaveValue(row.rate_number);
  expect((await shownRateNumbers(page))[0]).toBe(row.rate_number);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form submits and the server renders the results", async ({ page }) => {
    const row = await sampleRow();
    await page.goto("/");
    await page.getByLabel("Street, rate number, erf or scheme").fill(row.rate_number);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${row.rate_number}`));
    await expect(page.locator("table tbody tr").first()).toHaveAttribute("data-rate-number", row.rate_number);
    await expect(results(page)).toContainText("found");
  });
});
