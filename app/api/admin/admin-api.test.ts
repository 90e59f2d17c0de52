import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunDetailJson } from "@/lib/admin/run-queries";
import type { RunJson } from "@/lib/admin/run-json";
import { startAdminHarness, type AdminHarness } from "@/test-support/admin-harness";

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
    expect(right.headers.get("cache-control")).toBe("no-store");
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

  it("answers a logged 500 problem without internals, as every admin route does, when the database fails", async () => {
    await harness.db.pool.query("ALTER TABLE admin_sessions RENAME TO admin_sessions_away");
    try {
      const response = await signIn("192.0.2.30", "e2e-admin-password");
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("set-cookie")).toBeNull();
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ type: "/problems/internal-error", status: 500 });
      expect(body).not.toContain("admin_sessions");
    } finally {
      await harness.db.pool.query("ALTER TABLE admin_sessions_away RENAME TO admin_sessions");
    }
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

  it("queues a run for the worker: 202 with the queued run, which the worker starts within seconds", async () => {
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
    expect(run).toMatchObject({ roll: "gv2022", trigger: "admin", state: "queued", resumable: false, finishedAt: null });
    expect(run.triggeredBy).toMatch(/^admin session /);
    expect((run as RunJson & { worker: { running: boolean; message: string | null } }).worker).toMatchObject({ running: true, message: null });
    await waitFor("the worker to start the run", async () => (await detail(runId)).state === "running");
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
    expect(((await response.json()) as RunJson)).toMatchObject({ id: runId, state: "queued" });
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
    const { resolveScrapeOptions } = await import("@/lib/scraper/scrape-options");
    const { createRun } = await import("@/lib/scraper/store/runs");
    const dead = await createRun(harness.db, resolveScrapeOptions({ roll: "gv2022", baseUrl: harness.sim.url, titleTypes: ["sectional"], trigger: "cli" }));
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

describe("the queue when no worker is running", () => {
  it("still queues a run but says no worker is running; the web process does not scrape it; cancel ends it at once", async () => {
    await harness.stopWorker();
    // By arrival, not by count: a request the last run gave up on (timed out under load) is recorded
    // when the simulator finally answers it, which may be now.
    const stoppedAt = Date.now();
    const response = await harness.call("POST", "/api/admin/scrape-runs", { headers: { ...TOKEN, ...JSON_BODY }, body: JSON.stringify({ titleTypes: ["sectional"] }) });
    expect(response.status).toBe(202);
    const run = (await response.json()) as RunJson & { worker: { running: boolean; message: string | null } };
    expect(run.state).toBe("queued");
    expect(run.worker).toMatchObject({ running: false, message: "No worker is running: the run will start when one does." });
    const shown = await detail(run.id);
    expect(shown).toMatchObject({ state: "queued", worker: { running: false } });
    expect(shown.counters.tasksTotal).toBe(0);
    expect(harness.sim.requests.filter((request) => request.receivedAt >= stoppedAt)).toEqual([]);

    const cancelled = await harness.call("DELETE", `/api/admin/scrape-runs/${run.id}`, { headers: TOKEN });
    expect(cancelled.status).toBe(202);
    expect(((await cancelled.json()) as RunJson).state).toBe("cancelled");
    // Nothing was scraped, so it resumes from the start: queued again, and a worker that starts runs it.
    expect((await harness.call("POST", `/api/admin/scrape-runs/${run.id}/resume`, { headers: TOKEN })).status).toBe(202);
    await harness.startWorker();
    const done = await waitFor("the worker to run the queued run", async () => {
      const current = await detail(run.id);
      return current.state === "succeeded" && current;
    }, 60_000);
    expect(done.options.titleTypes).toEqual(["sectional"]);
    expect(done.worker.running).toBe(true);
  });

  it("puts a run back in the queue when its worker stops (a deploy), and the next worker finishes it", async () => {
    harness.sim.faults.add({ path: /searchresult\.aspx/i, latencyMs: 300 });
    const response = await harness.call("POST", "/api/admin/scrape-runs", { headers: { ...TOKEN, ...JSON_BODY }, body: "{}" });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as RunJson;
    await waitFor("a few tasks done", async () => (await detail(id)).counters.tasksDone >= 2);
    await harness.stopWorker();
    const requeued = await detail(id);
    expect(requeued.state).toBe("queued");
    expect(requeued.counters.tasksDone).toBeLessThan(requeued.counters.tasksTotal);
    harness.sim.faults.clear();
    await harness.startWorker();
    const done = await waitFor("the next worker to finish it", async () => {
      const current = await detail(id);
      return current.state === "succeeded" && current;
    }, 60_000);
    expect(done.counters.tasksDone).toBe(done.counters.tasksTotal);
    expect(done.complete).toBe(true);
  });
});

describe("sign-out", () => {
  it("clears the cookie, ends the session for every copy of the cookie, and records it", async () => {
    const cookie = sessionCookieOf(await signIn("192.0.2.9", "e2e-admin-password"));
    expect((await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie } })).status).toBe(200);
    const response = await harness.call("POST", "/api/admin/sign-out", { headers: { cookie, ...SAME_ORIGIN } });
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/^dvre_admin_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    expect(await harness.db.prisma.auditLog.count({ where: { action: "sign-out", clientAddress: "127.0.0.1" } })).toBe(1);
    // A copy of the cookie (another tab, a stolen one) no longer works.
    const copied = await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie } });
    expect(copied.status).toBe(401);
    expect(((await copied.json()) as { title: string }).title).toBe("Session ended");
  });
});

describe("sessions", () => {
  async function sessions(headers: Record<string, string>) {
    const response = await harness.call("GET", "/api/admin/sessions", { headers });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: { id: string; label: string; current: boolean; clientAddress: string }[] }).data;
  }

  it("lists the live sessions and lets an admin end one, audited", async () => {
    const mine = sessionCookieOf(await signIn("192.0.2.20", "e2e-admin-password"));
    const other = sessionCookieOf(await signIn("192.0.2.21", "e2e-admin-password"));
    const listed = await sessions({ cookie: mine });
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const target = listed.find((session) => session.clientAddress === "192.0.2.21")!;
    expect(target.current).toBe(false);
    expect(target.label).toMatch(/^admin session [A-Za-z0-9_-]{8}$/);

    const ended = await harness.call("DELETE", `/api/admin/sessions/${target.id}`, { headers: { cookie: mine, ...SAME_ORIGIN } });
    expect(ended.status).toBe(204);
    expect((await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie: other } })).status).toBe(401);
    expect((await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie: mine } })).status).toBe(200);
    expect((await sessions(TOKEN)).map((session) => session.id)).not.toContain(target.id);
    expect((await harness.call("DELETE", `/api/admin/sessions/${target.id}`, { headers: TOKEN })).status).toBe(404);
    expect((await harness.call("DELETE", "/api/admin/sessions/not-an-id", { headers: TOKEN })).status).toBe(400);
    const audit = await harness.db.prisma.auditLog.findMany({ where: { action: "session.end" }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.outcome, entry.clientAddress])).toEqual([
      ["ok", "127.0.0.1"],
      ["refused", "127.0.0.1"],
    ]);
    expect(audit[0]!.actor).toMatch(/^admin session /);
  });

  it("ends a session left idle past ADMIN_SESSION_IDLE_MINUTES, and one past ADMIN_SESSION_HOURS however busy", async () => {
    const idle = sessionCookieOf(await signIn("192.0.2.22", "e2e-admin-password"));
    const busy = sessionCookieOf(await signIn("192.0.2.23", "e2e-admin-password"));
    await harness.db.pool.query(`UPDATE admin_sessions SET last_seen_at = now() - interval '61 minutes' WHERE client_address = '192.0.2.22'`);
    expect((await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie: idle } })).status).toBe(401);
    expect((await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie: busy } })).status).toBe(200);
    await harness.db.pool.query(`UPDATE admin_sessions SET expires_at = now() - interval '1 second' WHERE client_address = '192.0.2.23'`);
    expect((await harness.call("GET", "/api/admin/scrape-runs", { headers: { cookie: busy } })).status).toBe(401);
  });

  it("keeps only the hash of the session id in the database", async () => {
    const cookie = sessionCookieOf(await signIn("192.0.2.24", "e2e-admin-password"));
    const sessionId = JSON.parse(Buffer.from(cookie.split("=")[1]!.split(".")[0]!, "base64url").toString("utf8")).sid as string;
    const { rows } = await harness.db.pool.query<{ id_hash: string }>(`SELECT id_hash FROM admin_sessions WHERE client_address = '192.0.2.24'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id_hash).not.toContain(sessionId);
  });
});
