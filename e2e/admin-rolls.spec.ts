import { expect, test } from "@playwright/test";
import { isHydrated } from "./search-page";
import { queryStack, readStack } from "./stack";

// The roll registry from the admin page, in a browser: an admin adds a roll (the simulator's gv2017
// under a new id), sees its site's probe verdict, scrapes one suburb of it from the admin page,
// edits it, and the search page offers it at once.

test("an admin adds a roll, sees the probe's verdict, scrapes it, edits it, and the search offers it", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/admin/sign-in");
  await page.getByLabel("Password").fill("e2e-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const panel = page.getByRole("region", { name: "Valuation rolls" });
  const form = panel.getByRole("form", { name: "Add a roll" });
  await expect.poll(() => isHydrated(form)).toBe(true);
  await form.getByLabel("Id").fill("gv2005");
  await form.getByLabel("Label").fill("Valuation of 2005");
  await form.getByLabel("Base URL").fill(`${readStack().simulatorUrl}gv2017/`);
  await form.getByLabel("Valuation date").fill("2004-07-01");
  await form.getByLabel("Effective from").fill("2005-07-01");
  await form.getByLabel("Effective to").fill("2008-06-30");
  await form.getByRole("button", { name: "Add the roll" }).click();
  await expect(panel.getByTestId("roll-message")).toHaveText("gv2005 is saved. Site probe: ok.", { timeout: 60_000 });
  const row = panel.getByTestId("roll-gv2005");
  await expect(row).toContainText("Valuation of 2005 (gv2005)");
  await expect(row).toContainText("2005-07-01 to 2008-06-30");
  await expect(row).toContainText("planned");
  await expect(row).toContainText("ok");

  // Scraped from the admin page (one small suburb's Full Title rows, by the stack's worker, from the
  // roll's own address) and served by the running app at once, without a restart.
  const [suburb] = await queryStack<{ suburb_id: string; suburb_name: string }>(
    "SELECT suburb_id, suburb_name FROM valuations WHERE roll = 'gv2017' AND title_type = 'full' GROUP BY 1, 2 ORDER BY count(*), 1 LIMIT 1",
  );
  const start = page.getByRole("form", { name: "Start a re-scrape" });
  await expect.poll(() => isHydrated(start)).toBe(true);
  await start.locator("select[name=roll]").selectOption("gv2005");
  await start.getByLabel("Sectional title").uncheck();
  await start.getByLabel("Suburbs (none chosen: the whole roll)").selectOption(suburb!.suburb_id);
  await start.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/admin\/runs\/\d+$/);
  await expect(page.getByTestId("run-state")).toHaveText("succeeded", { timeout: 120_000 });
  const stored = await queryStack<{ rate_number: string }>(
    "SELECT rate_number FROM valuations WHERE roll = 'gv2005' AND removed_at IS NULL ORDER BY rate_number",
  );
  const onGv2017 = await queryStack<{ rate_number: string }>(
    "SELECT rate_number FROM valuations WHERE roll = 'gv2017' AND title_type = 'full' AND suburb_id = $1 AND removed_at IS NULL ORDER BY rate_number",
    [suburb!.suburb_id],
  );
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(onGv2017);
  const served = await page.request.get(`/api/valuations?roll=gv2005&limit=500&total=true`);
  expect(served.status()).toBe(200);
  const body = (await served.json()) as { total: number; data: { rateNumber: string; suburbName: string }[] };
  expect(body.total).toBe(stored.length);
  expect(body.data.map((row) => row.rateNumber).sort()).toEqual(stored.map((row) => row.rate_number));
  expect(new Set(body.data.map((row) => row.suburbName))).toEqual(new Set([suburb!.suburb_name]));

  await page.goto("/admin");
  await row.getByRole("button", { name: "Edit gv2005" }).click();
  const edit = panel.getByRole("form", { name: "Edit gv2005" });
  await expect(edit.getByLabel("Id")).toHaveValue("gv2005");
  await edit.getByLabel("Status").selectOption("archived");
  await edit.getByRole("button", { name: "Save gv2005" }).click();
  await expect(panel.getByTestId("roll-message")).toHaveText("gv2005 is saved. Site probe: ok.", { timeout: 60_000 });
  await expect(panel.getByTestId("roll-gv2005")).toContainText("archived");

  const audit = await queryStack<{ action: string; outcome: string }>("SELECT action, outcome FROM audit_log WHERE target = 'roll:gv2005' ORDER BY id");
  expect(audit).toEqual([
    { action: "roll.add", outcome: "ok" },
    { action: "roll.edit", outcome: "ok" },
  ]);

  await page.goto("/");
  await expect(page.getByLabel("Valuation roll").locator("option", { hasText: "Valuation of 2005" })).toHaveAttribute("value", "gv2005");
  await page.goto("/suburbs?roll=gv2005");
  await expect(page.getByRole("navigation", { name: "Valuation roll" }).getByRole("link", { name: "Valuation of 2005" })).toHaveAttribute("aria-current", "page");
  // The registry's label names the roll wherever rolls are compared, whatever its id looks like.
  await page.goto("/changes/gv2017/gv2005");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("GV 2017 against Valuation of 2005: what changed");
});
