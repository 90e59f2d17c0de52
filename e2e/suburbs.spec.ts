import { expect, test, type Locator } from "@playwright/test";
import { randValue } from "./search-page";
import type { StatsGroupRow } from "@/lib/valuations/valuation-stats";

// The charts and tables of the suburb pages carry the API's numbers (GET /api/stats, and the
// search's total for each histogram bar).

type Stats = { data: StatsGroupRow[] };

async function cellValue(row: Locator, column: string): Promise<number | null> {
  return randValue((await row.locator(`td[data-column="${column}"]`).innerText()) ?? "");
}

test("a suburb's charts and table show the API's medians and quartiles", async ({ page, request }) => {
  const suburbs = (await (await request.get("/api/stats?groupBy=suburb")).json()) as Stats;
  const biggest = [...suburbs.data].sort((a, b) => b.count - a.count)[0]!;
  const byUse = (await (await request.get(`/api/stats?groupBy=useCode&suburb=${biggest.key}`)).json()) as Stats;

  await page.goto(`/suburbs/${biggest.key}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(biggest.label!);
  await expect(page.getByTestId("suburb-summary")).toHaveAttribute("data-count", String(biggest.count));
  await expect(page.getByTestId("suburb-summary")).toHaveAttribute("data-median", String(biggest.median));

  const table = page.getByTestId("use-table");
  await expect(table.locator("tbody tr")).toHaveCount(byUse.data.length);
  for (const group of byUse.data) {
    const row = table.locator(`tbody tr[data-key="${group.key ?? "none"}"]`);
    expect(await cellValue(row, "count")).toBe(group.count);
    for (const figure of ["min", "q1", "median", "q3", "max"] as const) expect(await cellValue(row, figure)).toBe(group[figure]);
  }

  const chart = page.getByTestId("quartile-chart").first();
  const bars = chart.locator("li[data-key]");
  expect(await bars.count()).toBeGreaterThan(0);
  for (const bar of await bars.all()) {
    const key = await bar.getAttribute("data-key");
    const group = byUse.data.find((candidate) => String(candidate.key ?? "none") === key);
    expect(group, `chart group ${key} in ${JSON.stringify(byUse.data.map((candidate) => candidate.key))}`).toBeDefined();
    await expect(bar).toHaveAttribute("data-median", String(group!.median));
    await expect(bar).toHaveAttribute("data-q1", String(group!.q1));
    await expect(bar).toHaveAttribute("data-q3", String(group!.q3));
  }

  const histogram = page.getByTestId("value-histogram").locator("li");
  let counted = 0;
  for (const bar of await histogram.all()) {
    const min = await bar.getAttribute("data-min");
    const max = await bar.getAttribute("data-max");
    const query = `suburb=${biggest.key}&minValue=${min}${max ? `&maxValue=${max}` : ""}&total=true&limit=1`;
    const answer = (await (await request.get(`/api/valuations?${query}`)).json()) as { total: number };
    await expect(bar).toHaveAttribute("data-count", String(answer.total));
    counted += answer.total;
  }
  expect(counted).toBe(biggest.valued);
});

test("the overview's suburb table sorts by median both ways and links to the suburb", async ({ page, request }) => {
  const suburbs = (await (await request.get("/api/stats?groupBy=suburb")).json()) as Stats;
  await page.goto("/suburbs");
  const table = page.getByTestId("suburb-table");
  await expect(table.locator("tbody tr")).toHaveCount(suburbs.data.length);
  const header = table.getByRole("columnheader", { name: /Median/ });
  await header.getByRole("button").click();
  const firstSort = await header.getAttribute("aria-sort");
  expect(["ascending", "descending"]).toContain(firstSort);
  const medians = async () =>
    (await table.locator('tbody td[data-column="median"]').allInnerTexts()).map(randValue).filter((value): value is number => value !== null);
  const once = await medians();
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", firstSort === "ascending" ? "descending" : "ascending");
  const twice = await medians();
  const ascending = firstSort === "ascending" ? once : twice;
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect((firstSort === "ascending" ? twice : once)).toEqual([...ascending].reverse());

  const first = suburbs.data[0]!;
  await table.getByRole("link", { name: first.label!, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/suburbs/${first.key}$`));
});
