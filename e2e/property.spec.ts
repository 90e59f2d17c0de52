import { expect, test } from "@playwright/test";
import { createTranslator } from "next-intl";
import type { ComparablesResponse } from "@/lib/comparables/comparables-schema";
import { standingSentences } from "@/lib/comparables/describe-standing";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRand, formatRandChange } from "@/lib/format/format-rand";
import { CATALOGUES } from "@/lib/i18n/catalogues";
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

test("in isiZulu: the headings, the value in rand, dates with isiZulu months, where the value stands, and the glossary", async ({ page, request, context, baseURL }) => {
  // A Single Residential (use code 15) property with comparables and a value on GV 2017.
  const [row] = await queryStack<{ rate_number: string }>(
    `SELECT v.rate_number FROM valuations v
      WHERE v.roll = 'gv2022' AND v.title_type = 'full' AND v.use_code = 15 AND v.registered_extent > 0 AND v.market_value IS NOT NULL AND v.removed_at IS NULL
        AND EXISTS (SELECT 1 FROM valuations o WHERE o.roll = 'gv2017' AND o.title_type = v.title_type AND o.rate_number = v.rate_number)
      ORDER BY (SELECT count(*) FROM valuations p WHERE p.roll = 'gv2022' AND p.suburb_id = v.suburb_id AND p.use_code = v.use_code) DESC, v.rate_number
      LIMIT 1`,
  );
  expect(row, "a use code 15 property").toBeDefined();
  const { data } = (await (await request.get(`/api/valuations/${row!.rate_number}/comparables?title=full`)).json()) as ComparablesResponse;
  await context.addCookies([{ name: "dvre_locale", value: "zu", url: baseURL! }]);
  await page.goto(`/valuations/${row!.rate_number}?title=full`);
  expect(await page.locator("html").getAttribute("lang")).toBe("zu-ZA");

  for (const heading of ["Imininingwane", "Incazelo esemthethweni", "Umlando ekhophini yethu", "Ucabanga ukuphikisa leli nani?", "Mayelana nalokhu okubhaliwe"]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  const value = await page.getByTestId("market-value").innerText();
  expect(plain(value)).toMatch(/^R \d{1,3}( \d{3})*$/);
  expect(plain(value)).toBe(plain(formatRand(data.property.marketValue)));
  const months = Object.values(CATALOGUES.zu.format.months).join("|");
  await expect(page.locator("section[aria-labelledby=data-heading]")).toContainText(new RegExp(`Kwabonwa okokuqala ngomhla ka-\\d{1,2} (${months}) \\d{4}`));

  // Where it stands: the API's figures, worded by the isiZulu catalogue.
  const zulu = createTranslator({ locale: "zu", messages: CATALOGUES.zu, namespace: "objection" });
  const standing = { ...data.standing, valuePerM2: data.property.valuePerM2, changePercent: data.property.changePercent };
  const expected = standingSentences(standing, "GV 2022", data.previousRoll === null ? null : "GV 2017").map((sentence) => zulu(sentence.key, sentence.values));
  expect(expected[0]).toMatch(/^(Lesi sakhiwo|Silinganiselwe)/);
  expect((await page.getByTestId("standing").locator("li").allInnerTexts()).map(plain)).toEqual(expected.map(plain));

  const glossary = page.getByRole("link", { name: "Kusho ukuthini lokhu (ikhodi yokusetshenziswa 15)" });
  await expect(glossary).toHaveAttribute("href", "/glossary#use-15");
});
