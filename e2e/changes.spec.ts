import { expect, test, type Locator } from "@playwright/test";
import type { ChangeSummary } from "@/lib/roll-changes/change-stats";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import type { StatsGroupRow } from "@/lib/valuations/valuation-stats";
import { queryStack } from "./stack";

// The changes page, a suburb's comparison and a property's values on every roll carry the API's
// numbers (GET /api/stats?compare=, /api/rolls/{roll}/unlinked, /api/valuations/{rateNumber}).
// The e2e stack scrapes gv2017 and gv2022 whole, so the two are linked by the scrape itself.

type Stats = { data: StatsGroupRow[] };

async function expectChartEqualsApi(chart: Locator, groups: StatsGroupRow[]): Promise<void> {
  const bars = chart.locator("li[data-key]");
  expect(await bars.count()).toBeGreaterThan(0);
  for (const bar of await bars.all()) {
    const key = await bar.getAttribute("data-key");
    const change = groups.find((group) => String(group.key ?? "none") === key)?.change;
    expect(change, `chart group ${key}`).toBeDefined();
    await expect(bar).toHaveAttribute("data-compared", String(change!.compared));
    await expect(bar).toHaveAttribute("data-median-percent", String(change!.medianPercent));
    await expect(bar).toHaveAttribute("data-q1-percent", String(change!.q1Percent));
    await expect(bar).toHaveAttribute("data-q3-percent", String(change!.q3Percent));
  }
}

async function expectSummaryEquals(summary: Locator, change: ChangeSummary): Promise<void> {
  for (const [attribute, value] of [
    ["data-compared", change.compared],
    ["data-median-percent", change.medianPercent],
    ["data-q1-percent", change.q1Percent],
    ["data-q3-percent", change.q3Percent],
    ["data-median-change", change.medianChange],
    ["data-up-share", change.upShare],
    ["data-flat-share", change.flatShare],
    ["data-down-share", change.downShare],
  ] as const) {
    await expect(summary).toHaveAttribute(attribute, String(value ?? ""));
  }
}

test("GV 2022 against GV 2017: the charts and counts are the API's", async ({ page, request }) => {
  const bySuburb = (await (await request.get("/api/stats?roll=gv2022&groupBy=suburb&compare=gv2017")).json()) as Stats;
  const byUse = (await (await request.get("/api/stats?roll=gv2022&groupBy=useCode&compare=gv2017")).json()) as Stats;
  expect(bySuburb.data[0]?.change?.basis).toBe("links");

  await page.goto("/changes/gv2022/gv2017");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("GV 2022 against GV 2017: what changed");
  await expectChartEqualsApi(page.getByTestId("suburb-changes"), bySuburb.data);
  await expectChartEqualsApi(page.getByTestId("use-changes"), byUse.data);

  // The overall figures are over every suburb: the counts add up to the suburbs' counts.
  const overall = page.getByTestId("change-summary");
  const sum = (field: "compared" | "up" | "flat" | "down") => bySuburb.data.reduce((total, group) => total + (group.change?.[field] ?? 0), 0);
  await expect(overall).toHaveAttribute("data-compared", String(sum("compared")));
  await expect(overall).toHaveAttribute("data-up-share", String(Math.round((sum("up") / sum("compared")) * 100 * 10) / 10));

  for (const [testId, path] of [
    ["gone", "/api/rolls/gv2017/unlinked?against=gv2022&format=csv"],
    ["new", "/api/rolls/gv2022/unlinked?against=gv2017&format=csv"],
  ] as const) {
    const lines = (await (await request.get(path)).text()).trimEnd().split("\r\n");
    await expect(page.getByTestId(testId)).toHaveAttribute("data-count", String(lines.length - 1));
  }
});

test("a suburb compared with another roll shows the API's median, quartiles and shares", async ({ page, request }) => {
  const bySuburb = (await (await request.get("/api/stats?roll=gv2022&groupBy=suburb&compare=gv2017")).json()) as Stats;
  const biggest = [...bySuburb.data].sort((a, b) => (b.change?.compared ?? 0) - (a.change?.compared ?? 0))[0]!;
  await page.goto(`/suburbs/${biggest.key}`);
  await page.getByRole("link", { name: "Compare with GV 2017" }).click();
  await expect(page).toHaveURL(new RegExp(`/suburbs/${biggest.key}\\?against=gv2017$`));
  await expectSummaryEquals(page.getByTestId("change-summary"), biggest.change!);
});

test("a property's value on every roll is the API's, with the change", async ({ page, request }) => {
  const [row] = await queryStack<{ rate_number: string; title_type: string }>(
    `SELECT l.to_rate_number AS rate_number, l.to_title_type::text AS title_type FROM roll_links l
       JOIN valuations v ON v.roll = 'gv2022' AND v.title_type = l.to_title_type AND v.rate_number = l.to_rate_number AND v.market_value IS NOT NULL
      WHERE l.from_roll = 'gv2017' AND l.to_roll = 'gv2022' AND l.method = 'rate-number'
      ORDER BY l.to_rate_number LIMIT 1`,
  );
  expect(row).toBeDefined();
  const api = (await (await request.get(`/api/valuations/${row!.rate_number}?title=${row!.title_type}`)).json()) as ValuationDetailResponse;
  expect(api.rolls.map((entry) => entry.roll)).toEqual(["gv2017", "gv2022"]);
  await page.goto(`/valuations/${row!.rate_number}?title=${row!.title_type}`);
  const table = page.getByTestId("roll-values");
  for (const entry of api.rolls) {
    const line = table.locator(`tr[data-roll="${entry.roll}"]`);
    await expect(line).toHaveAttribute("data-value", String(entry.marketValue ?? ""));
    await expect(line).toHaveAttribute("data-change", String(entry.change?.absolute ?? ""));
  }
});
