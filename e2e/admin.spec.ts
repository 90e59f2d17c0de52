import { expect, test, type Page } from "@playwright/test";

// The admin area in a browser against the e2e stack (next start + the site simulator): sign-in,
// a wrong password, starting a run and watching it move, cancel, resume, the 409 on a second
// start, CSRF refused, unauthenticated access refused, and the lockout (last: it locks a client).

const PASSWORD = "e2e-admin-password";
const TOKEN = "e2e-admin-token";

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, password = PASSWORD) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function tasksDone(page: Page): Promise<number> {
  const text = (await page.getByTestId("tasks-done").textContent()) ?? "";
  return Number(/^([\d\s\u00a0]+) of/.exec(text)?.[1]?.replace(/\D/g, "") ?? "0");
}

test("unauthenticated visitors are sent to sign-in, and the admin API refuses them", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin/runs/1");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);

  const calls: [string, string][] = [
    ["GET", "/api/admin/scrape-runs"],
    ["POST", "/api/admin/scrape-runs"],
    ["GET", "/api/admin/scrape-runs/1"],
    ["DELETE", "/api/admin/scrape-runs/1"],
    ["POST", "/api/admin/scrape-runs/1/resume"],
    ["GET", "/api/admin/data-health"],
    ["POST", "/api/admin/sign-out"],
  ];
  // A wrong token counts as a failed sign-in of the client: each call comes from an address of its
  // own (the stack trusts one proxy hop), so these refusals do not lock out the other specs.
  let client = 0;
  for (const [method, path] of calls) {
    for (const headers of [{}, { authorization: "Bearer not-the-token" }] as Record<string, string>[]) {
      client += 1;
      const response = await request.fetch(path, { method, headers: { ...headers, "x-forwarded-for": `198.51.100.${client}` }, data: method === "GET" ? undefined : {} });
      expect([401, 403], `${method} ${path}`).toContain(response.status());
    }
  }
});

test("a wrong password is refused and explained", async ({ page }) => {
  await signIn(page, "not the password");
  await expect(page).toHaveURL(/\/admin\/sign-in\?error=wrong-password$/);
  await expect(page.getByRole("alert").filter({ hasText: "That password is wrong" })).toBeVisible();
});

test("an admin signs in, starts a run, watches it move, cancels it and resumes it to the end", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  // The stack runs a worker, so the page does not warn that none is running.
  await expect(page.getByTestId("no-worker")).toHaveCount(0);

  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/admin\/runs\/\d+$/);
  const runId = Number(/(\d+)$/.exec(page.url())![1]);
  await expect(page.getByRole("heading", { name: `Run #${runId}` })).toBeVisible();
  // Queued by the web process, started by the worker within a poll or two.
  await expect(page.getByTestId("run-state")).toHaveText("running", { timeout: 15_000 });

  // A second start while this one runs: 409 naming it.
  const second = await page.request.post("/api/admin/scrape-runs", { headers: { authorization: `Bearer ${TOKEN}` }, data: {} });
  expect(second.status()).toBe(409);
  const problem = (await second.json()) as { detail: string; runningRun: { id: number } };
  expect(problem.runningRun.id).toBe(runId);
  expect(problem.detail).toContain(`run #${runId}`);

  // Progress moves without a reload.
  await expect.poll(() => tasksDone(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId("rows-seen")).not.toHaveText("0");
  await expect(page.getByRole("progressbar", { name: "All tasks" })).not.toHaveAttribute("aria-valuenow", "0");

  await page.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByTestId("run-state")).toHaveText("cancelled", { timeout: 15_000 });
  const stoppedAt = await tasksDone(page);

  await page.getByRole("button", { name: "Resume run" }).click();
  await expect(page.getByTestId("run-state")).toHaveText(/queued|running|succeeded/);
  await expect(page.getByTestId("run-state")).toHaveText("succeeded", { timeout: 120_000 });
  expect(await tasksDone(page)).toBeGreaterThan(stoppedAt);
  await expect(page.getByRole("progressbar", { name: "All tasks" })).toHaveAttribute("aria-valuenow", "100");

  await page.goto("/admin");
  await expect(page.getByRole("link", { name: `#${runId}` }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Data health" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "scrape-run.resume" }).first()).toBeVisible();
});

test("a cross-site request with the session cookie is refused; signing out works", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/admin$/);
  const forged = await page.request.post("/api/admin/scrape-runs", { headers: { origin: "https://evil.example" }, data: {} });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { type: string }).type).toBe("/problems/cross-site-request");
  const signOut = await page.request.post("/api/admin/sign-out", { headers: { origin: "https://evil.example" } });
  expect(signOut.status()).toBe(403);

  // This browser is listed among the signed-in sessions.
  await expect(page.getByRole("heading", { name: "Signed-in sessions" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /\(this browser\)$/ })).toBeVisible();
  const cookie = (await page.context().cookies()).find((entry) => entry.name === "dvre_admin_session")!;

  // The real sign-out button, from the page itself, works.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  // And it ended the session on the server: a copy of the cookie no longer works.
  const copied = await page.request.get("/api/admin/scrape-runs", { headers: { cookie: `${cookie.name}=${cookie.value}` } });
  expect(copied.status()).toBe(401);
});

test("repeated wrong passwords lock the client out, even for the right one", async ({ browser }) => {
  // Its own client address, so the lockout does not reach the other tests' browser.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await signIn(page, `wrong guess ${attempt}`);
    await expect(page).toHaveURL(/error=wrong-password/);
  }
  await signIn(page, "wrong guess 5");
  await expect(page).toHaveURL(/error=locked/);
  await expect(page.getByRole("alert").filter({ hasText: "Too many wrong passwords" })).toBeVisible();
  await signIn(page, PASSWORD);
  await expect(page).toHaveURL(/error=locked/);
  await context.close();
});
