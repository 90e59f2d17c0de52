import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunDetailJson } from "@/lib/admin/run-queries";
import type { RunJson } from "@/lib/admin/run-json";
import { startAdminHarness, type AdminHarness } from "@/lib/admin/testing/admin-harness";

// The admin API in-process against a test database and the simulated site: sign-in with its
// throttle and lockout, CSRF, and a scrape started, watched, cancelled, resumed and refused a twin.

let harness: AdminHarness;
const TOKEN = { authorization: "Bearer e2e-admin-token" };
const SAME_ORIGIN = { origin: "http://localhost:3000" };
const JSON_BODY = { "content-type": "application/json" };

beforeAll(async () => {
  harness = await startAdminHarness({ rows: 1_500 });
});

afterAll(async () => {
  await harness.close();
});

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await harness.db.prisma.scrapeRun.findMany())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(client: string, password: string) {
  return harness.call("POST", "/api/admin/sign-in", {
    headers: { ...SAME_ORIGIN, ...JSON_BODY, "x-forwarded-for": client },
    body: JSON.stringify({ password }),
  });
}

function sessionCookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  return header.split(";")[0]!;
}

async function detail(id: number) {
  const response = await harness.call("GET", `/api/admin/scrape-runs/${id}`, { headers: TOKEN });
  expect(response.status).toBe(200);
  return (await response.json()) as RunDetailJson;
}

describe("sign-in", () => {
  it("sets an httpOnly, SameSite=Strict session cookie with an expiry for the right password", async () => {
    const response = await signIn("192.0.2.1", "e2e-admin-password");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { signedIn: boolean; expiresAt: string };
    expect(body.signedIn).toBe(true);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(7 * 3_600_000);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^dvre_admin_session=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/);

    const list = await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie: sessionCookieOf(response) } });
    expect(list.status).toBe(200);
  });

  it("marks the cookie Secure outside localhost", async () => {
    const response = await harness.call("POST", "/api/admin/sign-in", {
      headers: { host: "valuations.example.org", origin: "https://valuations.example.org", ...JSON_BODY, "x-forwarded-for": "192.0.2.2" },
      body: JSON.stringify({ password: "e2e-admin-password" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("answers a form with redirects: to /admin when right, back to the sign-in page when wrong", async () => {
    const form = (password: string) =>
      harness.call("POST", "/api/admin/sign-in", {
        headers: { ...SAME_ORIGIN, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.3" },
        body: new URLSearchParams({ password }),
      });
    const right = await form("e2e-admin-password");
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/admin");
    expect(right.headers.get("set-cookie")).toContain("dvre_admin_session=");
    const wrong = await form("not it at all");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/admin/sign-in?error=wrong-password");
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a wrong password, then locks the client out, even for the right password", async () => {
    for (let i = 0; i < 2; i += 1) expect((await signIn("198.51.100.7", `guess ${i}`)).status).toBe(401);
    const third = await signIn("198.51.100.7", "guess 2");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBe(15 * 60);
    const locked = await signIn("198.51.100.7", "e2e-admin-password");
    expect(locked.status).toBe(429);
    expect(locked.headers.get("set-cookie")).toBeNull();
    expect((await signIn("198.51.100.8", "e2e-admin-password")).status).toBe(200);

    const failures = await harness.db.prisma.auditLog.findMany({ where: { action: "sign-in", outcome: "failed", clientAddress: "198.51.100.7" } });
    expect(failures).toHaveLength(3);
    expect(failures.at(-1)!.details).toEqual({ failures: 3, lockedOut: true });
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await harness.call("POST", "/api/admin/sign-in", {
      headers: { origin: "https://evil.example", ...JSON_BODY, "x-forwarded-for": "192.0.2.4" },
      body: JSON.stringify({ password: "e2e-admin-password" }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("CSRF on state-changing requests with the session cookie", () => {
  it("refuses a start without a matching Origin, and accepts reads", async () => {
    const cookie = sessionCookieOf(await signIn("192.0.2.5", "e2e-admin-password"));
    for (const headers of [{}, { origin: "https://evil.example" }, { origin: "null" }] as Record<string, string>[]) {
      const response = await harness.call("POST", "/api/admin/scrape-runs", { headers: { cookie, ...JSON_BODY, ...headers }, body: "{}" });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { type: string }).type).toBe("/problems/cross-site-request");
    }
    expect(await harness.db.prisma.scrapeRun.count()).toBe(0);
  });
});

describe("scrape control", () => {
  let runId: number;

  it("rejects bad input, naming each field, and never takes the site's address from the request", async () => {
    const response = await harness.call("POST", "/api/admin/scrape-runs", {
      headers: { ...TOKEN, ...JSON_BODY },
      body: JSON.stringify({ roll: "gv1999", baseUrl: "http://169.254.169.254/", titleTypes: [] }),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { parameter: string }[] };
    expect(problem.errors.map((error) => error.parameter).sort()).toEqual(["baseUrl", "roll", "titleTypes"]);
  });

  it("starts a run in the background: 202 with the run while it is still running", async () => {
    // Slow results pages keep the run going long enough to watch and cancel it.
    harness.sim.faults.add({ path: /searchresult\.aspx/i, latencyMs: 2_000 });
    const cookie = sessionCookieOf(await signIn("192.0.2.6", "e2e-admin-password"));
    const response = await harness.call("POST", "/api/admin/scrape-runs", {
      headers: { cookie, ...SAME_ORIGIN, ...JSON_BODY, "x-forwarded-for": "192.0.2.6" },
      body: "{}",
    });
    expect(response.status).toBe(202);
    const run = (await response.json()) as RunJson;
    runId = run.id;
    expect(response.headers.get("location")).toBe(`/api/admin/scrape-runs/${run.id}`);
    expect(run).toMatchObject({ roll: "gv2022", trigger: "admin", state: "running", resumable: false, finishedAt: null });
    expect(run.triggeredBy).toMatch(/^admin session /);
  });

  it("answers 409 naming the running run to a second start", async () => {
    const response = await harness.call("POST", "/api/admin/scrape-runs", { headers: { ...TOKEN, ...JSON_BODY }, body: JSON.stringify({ titleTypes: ["full"] }) });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { type: string; detail: string; runningRun: RunJson };
    expect(problem.type).toBe("/problems/run-in-progress");
    expect(problem.detail).toContain(`run #${runId}`);
    expect(problem.runningRun.id).toBe(runId);
  });

  it("shows progress moving: tasks per title type, rows, rate and time left", async () => {
    const first = await waitFor("the run to plan its tasks", async () => {
      const run = await detail(runId);
      return run.counters.tasksTotal > 0 && run;
    });
    expect(first.progress.byTitleType.map((title) => title.titleType)).toEqual(["full", "sectional"]);
    const later = await waitFor("a few tasks done", async () => {
      const run = await detail(runId);
      return run.counters.tasksDone >= 2 && run;
    });
    expect(later.counters.rowsSeen).toBeGreaterThan(0);
    expect(later.progress.percent).toBeGreaterThan(0);
    expect(later.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(later.progress.etaSeconds).toBeGreaterThan(0);
    expect(later.state).toBe("running");
  });

  it("cancels: the run stops within seconds, keeps what it stored and can be resumed", async () => {
    const response = await harness.call("DELETE", `/api/admin/scrape-runs/${runId}`, { headers: TOKEN });
    expect(response.status).toBe(202);
    expect(((await response.json()) as RunJson).state).toBe("cancelling");
    const stopped = await waitFor("the run to stop", async () => {
      const run = await detail(runId);
      return run.state === "cancelled" && run;
    }, 15_000);
    expect(stopped.resumable).toBe(true);
    expect(stopped.error).toContain("cancelled by an admin");
    expect(stopped.counters.tasksDone).toBeLessThan(stopped.counters.tasksTotal);
    const { rows } = await harness.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM valuations");
    expect(rows[0]!.n).toBe(stopped.counters.rowsSeen);

    const again = await harness.call("DELETE", `/api/admin/scrape-runs/${runId}`, { headers: TOKEN });
    expect(again.status).toBe(409);
  });

  it("resumes the cancelled run to the end", async () => {
    harness.sim.faults.clear();
    const response = await harness.call("POST", `/api/admin/scrape-runs/${runId}/resume`, { headers: TOKEN });
    expect(response.status).toBe(202);
    expect(((await response.json()) as RunJson)).toMatchObject({ id: runId, state: "running" });
    const done = await waitFor("the resumed run to finish", async () => {
      const run = await detail(runId);
      return run.state === "succeeded" && run;
    }, 60_000);
    expect(done.counters.tasksDone).toBe(done.counters.tasksTotal);
    expect(done.counters.rowsSeen).toBe(1_500);
    expect(done.complete).toBe(true);
    expect(done.verification).toMatchObject({ complete: true, rowsVerified: 1_500, crossCheck: { ran: true, agreed: true } });
    expect(done.progress.percent).toBe(100);
    expect(done.progress.etaSeconds).toBeNull();
    expect((await harness.call("POST", `/api/admin/scrape-runs/${runId}/resume`, { headers: TOKEN })).status).toBe(409);
  });

  it("shows an interrupted run (its process died) as such, and resumes it", async () => {
    await harness.settleBackgroundRuns();
    const { resolveScrapeOptions } = await import("@/lib/scraper/scrape-options");
    const { createRun } = await import("@/lib/scraper/store/runs");
    const dead = await createRun(harness.db, resolveScrapeOptions({ baseUrl: harness.sim.url, titleTypes: ["sectional"], trigger: "cli" }));
    await harness.db.prisma.scrapeRun.update({ where: { id: dead.id }, data: { heartbeatAt: new Date(Date.now() - 5 * 60_000) } });
    const shown = await detail(dead.id);
    expect(shown).toMatchObject({ state: "interrupted", resumable: true });
    expect((await harness.call("DELETE", `/api/admin/scrape-runs/${dead.id}`, { headers: TOKEN })).status).toBe(409);

    const response = await harness.call("POST", `/api/admin/scrape-runs/${dead.id}/resume`, { headers: TOKEN });
    expect(response.status).toBe(202);
    const done = await waitFor("the interrupted run to finish", async () => {
      const run = await detail(dead.id);
      return run.state === "succeeded" && run;
    }, 60_000);
    expect(done.options.titleTypes).toEqual(["sectional"]);
    expect(done.progress.byTitleType.map((title) => title.titleType)).toEqual(["sectional"]);
  });

  it("answers 404 for an unknown run and 400 for a malformed id", async () => {
    expect((await harness.call("GET", "/api/admin/scrape-runs/999999", { headers: TOKEN })).status).toBe(404);
    expect((await harness.call("GET", "/api/admin/scrape-runs/abc", { headers: TOKEN })).status).toBe(400);
    expect((await harness.call("POST", "/api/admin/scrape-runs/999999/resume", { headers: TOKEN })).status).toBe(404);
  });

  it("lists the history, newest first, one page at a time", async () => {
    const response = await harness.call("GET", "/api/admin/scrape-runs?limit=1", { headers: TOKEN });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: RunJson[]; next: number | null };
    expect(page.data).toHaveLength(1);
    expect(page.next).toBe(page.data[0]!.id);
    const rest = (await (await harness.call("GET", `/api/admin/scrape-runs?before=${page.next}`, { headers: TOKEN })).json()) as { data: RunJson[] };
    expect(rest.data.map((run) => run.id)).toEqual([runId]);
    expect(rest.data[0]).toMatchObject({ trigger: "admin", state: "succeeded" });
    expect(rest.data[0]!.durationMs).toBeGreaterThan(0);
    expect((await harness.call("GET", "/api/admin/scrape-runs?limit=0&colour=red", { headers: TOKEN })).status).toBe(400);
  });

  it("reports data health: rows per roll and title, last success, freshness", async () => {
    const response = await harness.call("GET", "/api/admin/data-health", { headers: TOKEN });
    expect(response.status).toBe(200);
    const health = (await response.json()) as {
      live: { roll: string; titleType: string; live: number }[];
      lastSuccess: { roll: string; runId: number }[];
      history: { runId: number; rows: number }[];
      freshness: { state: string };
    };
    expect(health.live.reduce((sum, row) => sum + row.live, 0)).toBe(1_500);
    expect(health.lastSuccess.map((row) => row.roll)).toEqual(["gv2022"]);
    expect(health.history.filter((point) => point.runId === runId).reduce((sum, point) => sum + point.rows, 0)).toBe(1_500);
    expect(health.freshness.state).toBe("fresh");
  });

  it("wrote every action to the audit log: who, what, when, from where", async () => {
    const entries = await harness.db.prisma.auditLog.findMany({ where: { action: { startsWith: "scrape-run." } }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.outcome])).toEqual([
      ["scrape-run.start", "ok"],
      ["scrape-run.start", "refused"],
      ["scrape-run.cancel", "ok"],
      ["scrape-run.cancel", "refused"],
      ["scrape-run.resume", "ok"],
      ["scrape-run.resume", "refused"],
      ["scrape-run.cancel", "refused"],
      ["scrape-run.resume", "ok"],
    ]);
    expect(entries[0]).toMatchObject({ actor: expect.stringMatching(/^admin session /), target: `scrape-run:${runId}`, clientAddress: "192.0.2.6" });
    expect(entries[1]).toMatchObject({ actor: "api token", clientAddress: "127.0.0.1" });
    expect(entries[0]!.at.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("sign-out", () => {
  it("clears the cookie and records it", async () => {
    const cookie = sessionCookieOf(await signIn("192.0.2.9", "e2e-admin-password"));
    const response = await harness.call("POST", "/api/admin/sign-out", { headers: { cookie, ...SAME_ORIGIN } });
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/^dvre_admin_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    expect(await harness.db.prisma.auditLog.count({ where: { action: "sign-out", clientAddress: "127.0.0.1" } })).toBe(1);
  });
});
