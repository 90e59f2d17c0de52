import { expect, test } from "@playwright/test";
import type { ComparablesResponse } from "@/lib/comparables/comparables-schema";
import { queryStack } from "./stack";

// The objection helper on a property page shows the comparables API's numbers, the objection facts
// admins entered (with their sources), and links to a summary that prints on one page.

const plain = (text: string) => text.replace(/\u00a0/g, " ").trim();

async function propertyWithCompany(): Promise<{ rateNumber: string; title: string }> {
  const [row] = await queryStack<{ rate_number: string; title_type: string }>(
    `SELECT v.rate_number, v.title_type::text FROM valuations v
      WHERE v.roll = 'gv2022' AND v.title_type = 'full' AND v.registered_extent > 0 AND v.market_value IS NOT NULL AND v.removed_at IS NULL
        AND EXISTS (SELECT 1 FROM valuations o WHERE o.roll = 'gv2017' AND o.title_type = v.title_type AND o.rate_number = v.rate_number)
      ORDER BY (SELECT count(*) FROM valuations p WHERE p.roll = 'gv2022' AND p.suburb_id = v.suburb_id AND p.use_code = v.use_code) DESC, v.rate_number
      LIMIT 1`,
  );
  if (!row) throw new Error("no property with comparables in the e2e database");
  return { rateNumber: row.rate_number, title: row.title_type };
}

test.afterEach(async () => {
  await queryStack("DELETE FROM objection_facts");
});

test("the objection helper shows the API's comparables and where the property stands", async ({ page, request }) => {
  const property = await propertyWithCompany();
  const api = (await (await request.get(`/api/valuations/${property.rateNumber}/comparables?title=${property.title}`)).json()) as ComparablesResponse;
  expect(api.data.comparables.length).toBeGreaterThan(0);
  await page.goto(`/valuations/${property.rateNumber}?title=${property.title}`);
  const helper = page.getByTestId("objection-helper");

  const sentences = await helper.getByTestId("standing").locator("li").allInnerTexts();
  expect(sentences.map(plain)).toEqual(api.data.standing.summary.map(plain));
  const rows = helper.getByTestId("comparables").locator("tbody tr");
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-rate-number")))).toEqual(api.data.comparables.map((c) => c.rateNumber));
  const strip = helper.getByTestId("value-per-m2-strip");
  await expect(strip).toHaveAttribute("data-own", String(api.data.property.valuePerM2));
  await expect(strip).toHaveAttribute("data-count", String(api.data.comparables.filter((c) => c.valuePerM2 !== null).length));
  await expect(helper.getByTestId("objection-facts")).toContainText("We have not been told the objection period for this roll");
});

test("objection facts show with their sources, and the summary prints on one page", async ({ page }) => {
  const property = await propertyWithCompany();
  const source = "eThekwini Municipality, public notice of 20 February 2022";
  await queryStack(
    `INSERT INTO objection_facts (roll, key, value, source, updated_by) VALUES
       ('gv2022', 'period-opens', '2022-02-11', $1, 'e2e'), ('gv2022', 'period-closes', '2022-05-16', $1, 'e2e'),
       ('gv2022', 'how-to-lodge', 'On the municipality''s objection form, one per property.', $1, 'e2e')`,
    [source],
  );
  await page.goto(`/valuations/${property.rateNumber}?title=${property.title}`);
  const facts = page.getByTestId("objection-facts");
  await expect(facts).toContainText("The objection period has closed");
  await expect(facts).toContainText("16 May 2022");
  await expect(facts).toContainText(`(source: ${source})`);
  await expect(facts).toContainText("Where to lodge an objection");
  await expect(facts).toContainText("Not known to us for GV 2022.");

  await page.getByRole("link", { name: "Printable summary for an objection" }).click();
  const summary = page.getByTestId("objection-summary");
  await expect(summary.getByRole("heading", { level: 1 })).toHaveText(`Objection summary: rate number ${property.rateNumber}`);
  await expect(summary.getByTestId("legal-fields")).toContainText("Legal description");
  await expect(summary.getByTestId("comparables").locator("tbody tr").first()).toBeVisible();
  await expect(summary.getByTestId("prepared-on")).not.toBeEmpty();

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this summary" })).toBeHidden();
  const pdf = (await page.pdf({ format: "A4", margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, "pages in the printed summary").toBe(1);
});
