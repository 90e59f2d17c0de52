import { expect, test } from "@playwright/test";
import { queryStack } from "./stack";

// The site probe from the admin page, in a browser against the e2e stack's simulated site: the
// button runs it, the panel shows the verdict and every page, and the probe is stored and audited.

test("an admin probes the site and reads the report", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/admin/sign-in");
  await page.getByLabel("Password").fill("e2e-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const panel = page.getByRole("region", { name: "Site probe" });
  await panel.getByLabel("Roll").selectOption("gv2022");
  await panel.getByRole("button", { name: "Probe the site" }).click();
  await expect(panel.getByRole("button", { name: /Probing/ })).toBeDisabled();

  const report = panel.getByRole("article", { name: /^gv2022: probe #\d+$/ });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByText("ok", { exact: true })).toBeVisible();
  await expect(report.getByText("The site answered every page the probe asked for: it can be scraped now.")).toBeVisible();
  const rows = report.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "criteria page (Full Title)" })).toContainText("200");
  await expect(rows.filter({ hasText: "details page" })).toContainText("utf-8");
  await report.getByText("Full summary").click();
  await expect(report.getByText(/Verdict: OK: the site can be scraped now/)).toBeVisible();

  const [stored] = await queryStack<{ ok: boolean; triggered_by: string }>("SELECT ok, triggered_by FROM site_probes ORDER BY id DESC LIMIT 1");
  expect(stored).toMatchObject({ ok: true, triggered_by: expect.stringMatching(/^admin session /) });
  const audit = await queryStack<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'site-probe.run'");
  expect(audit).toEqual([{ outcome: "ok" }]);
});
