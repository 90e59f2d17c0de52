import { expect, test } from "@playwright/test";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand, formatRandChange } from "@/lib/format/format-rand";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import { queryStack } from "./stack";

// The property page of a property whose market value the simulator changed between the two
// gv2022 scrapes, and which is on gv2017 too.

const plain = (text: string) => text.replace(/\u00a0/g, " ");

async function mutatedProperty(): Promise<{ rateNumber: string; title: string }> {
  const [row] = await queryStack<{ rate_number: string; title_type: string }>(
    `SELECT v.rate_number, v.title_type::text FROM valuations v
       JOIN valuation_changes c ON c.valuation_id = v.id AND c.kind = 'changed' AND 'marketValue' = ANY(c.fields)
      WHERE v.roll = 'gv2022' AND v.market_value IS NOT NULL
        AND EXISTS (SELECT 1 FROM valuations o WHERE o.roll = 'gv2017' AND o.rate_number = v.rate_number
                      AND o.title_type = v.title_type AND o.market_value IS NOT NULL)
      ORDER BY v.rate_number LIMIT 1`,
  );
  if (!row) throw new Error("the e2e database has no property whose value changed");
  return { rateNumber: row.rate_number, title: row.title_type };
}

test("shows the change history and the change in value from the 2017 roll", async ({ page, request }) => {
  const property = await mutatedProperty();
  const api = (await (await request.get(`/api/valuations/${property.rateNumber}?title=${property.title}`)).json()) as ValuationDetailResponse;
  await page.goto(`/valuations/${property.rateNumber}?title=${property.title}`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(api.data.address || `Rate number ${property.rateNumber}`);
  await expect(page).toHaveTitle(new RegExp(`GV 2022`));
  expect(plain(await page.getByTestId("market-value").innerText())).toBe(plain(formatRand(api.data.marketValue)));

  const change = api.history.find((entry) => entry.kind === "changed" && entry.fields.includes("marketValue"));
  expect(change).toBeDefined();
  const history = page.getByTestId("history");
  await expect(history.getByText("Changed", { exact: true }).first()).toBeVisible();
  const amount = (displayed: unknown) => formatRand(Number(String(displayed).replace(/,/g, "")));
  await expect(history).toContainText(amount(change?.before?.marketValue));
  await expect(history).toContainText(amount(change?.after?.marketValue));
  await expect(history.getByText("First seen on the roll")).toBeVisible();

  const older = api.otherRolls.find((other) => other.roll === "gv2017");
  expect(older?.valueChange.absolute).not.toBeNull();
  const changeText = plain(await page.getByTestId("value-change").first().innerText());
  expect(changeText).toContain(plain(formatRandChange(older!.valueChange.absolute!)));
  if (older!.valueChange.percent !== null) expect(changeText).toContain(formatPercentChange(older!.valueChange.percent));
  await expect(page.getByTestId("other-rolls")).toContainText(plain(formatRand(older!.marketValue)).replace(/ /g, "\u00a0"));

  await expect(page.getByRole("link", { name: "This property as JSON" })).toHaveAttribute("href", api.data.href);
});

test("a sectional unit lists the other units of its scheme", async ({ page }) => {
  const [unit] = await queryStack<{ rate_number: string; scheme_name: string; others: number }>(
    `SELECT v.rate_number, v.scheme_name,
            (SELECT count(*)::int FROM valuations o WHERE o.roll = 'gv2022' AND o.title_type = 'sectional' AND o.removed_at IS NULL
               AND o.scheme_name = v.scheme_name AND o.rate_number <> v.rate_number) AS others
       FROM valuations v WHERE v.roll = 'gv2022' AND v.title_type = 'sectional' AND v.removed_at IS NULL AND v.scheme_name IS NOT NULL
      ORDER BY others DESC, v.rate_number LIMIT 1`,
  );
  expect(unit && unit.others > 0).toBe(true);
  await page.goto(`/valuations/${unit!.rate_number}?title=sectional`);
  await expect(page.getByRole("heading", { name: `Other units in ${unit!.scheme_name}` })).toBeVisible();
  await expect(page.getByTestId("scheme-units").getByRole("listitem")).toHaveCount(Math.min(unit!.others, 200));
});

test("an unknown rate number is a clear 404", async ({ page }) => {
  const response = await page.goto("/valuations/99999999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
