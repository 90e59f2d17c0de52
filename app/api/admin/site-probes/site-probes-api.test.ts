import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, type AdminHarness } from "@/test-support/admin-harness";
import type { StoredProbe } from "@/lib/probe/site-probes";

// POST/GET /api/admin/site-probes in-process against a test database and the simulated site: the
// probe runs in the server, is stored and audited, and the latest per roll comes back.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let harness: AdminHarness;
let route: { GET: Handler; POST: Handler };
const TOKEN = { authorization: "Bearer e2e-admin-token" };
const JSON_BODY = { "content-type": "application/json" };

beforeAll(async () => {
  harness = await startAdminHarness({ rows: 1_200 });
  // Imported after the harness has set the environment and reset the modules, as its own routes are.
  route = (await import("./route")) as unknown as { GET: Handler; POST: Handler };
});

afterAll(async () => {
  await harness.close();
});

function call(method: "GET" | "POST", init: { headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const request = new Request("http://localhost:3000/api/admin/site-probes", {
    method,
    headers: { host: "localhost:3000", "x-forwarded-for": "127.0.0.1", ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return route[method](request, { params: Promise.resolve({}) });
}

async function signedInCookie(): Promise<string> {
  const response = await harness.call("POST", "/api/admin/sign-in", {
    headers: { origin: "http://localhost:3000", ...JSON_BODY, "x-forwarded-for": "192.0.2.40" },
    body: JSON.stringify({ password: "e2e-admin-password" }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

describe("POST /api/admin/site-probes", () => {
  it("refuses a cross-site post with the session cookie, and probes nothing", async () => {
    const cookie = await signedInCookie();
    harness.sim.clearRequests();
    const response = await call("POST", { headers: { cookie, ...JSON_BODY, origin: "https://evil.example" }, body: "{}" });
    expect(response.status).toBe(403);
    expect(harness.sim.requests).toHaveLength(0);
    expect(await harness.db.prisma.siteProbe.count()).toBe(0);
  });

  it("rejects bad input, naming each field, and never takes the site's address from the request", async () => {
    const response = await call("POST", { headers: { ...TOKEN, ...JSON_BODY }, body: JSON.stringify({ roll: "gv1999", baseUrl: "http://169.254.169.254/" }) });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { parameter: string }[] };
    expect(problem.errors.map((error) => error.parameter).sort()).toEqual(["baseUrl", "roll"]);
  });

  it("probes the configured site in the server, stores the report and audits it", async () => {
    const cookie = await signedInCookie();
    const response = await call("POST", { headers: { cookie, origin: "http://localhost:3000", ...JSON_BODY }, body: JSON.stringify({ roll: "gv2022" }) });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const probe = (await response.json()) as StoredProbe;
    expect(probe).toMatchObject({ roll: "gv2022", baseUrl: harness.sim.url, ok: true });
    expect(probe.triggeredBy).toMatch(/^admin session /);
    expect(probe.report).toMatchObject({ verdict: "ok", reachable: true, criteria: { full: { suburbs: harness.sim.site.suburbs.length } } });
    expect(probe.summary).toContain("Verdict: OK: the site can be scraped now");

    const row = await harness.db.prisma.siteProbe.findUniqueOrThrow({ where: { id: probe.id } });
    expect(row).toMatchObject({ ok: true, roll: "gv2022", triggeredBy: probe.triggeredBy });
    const audit = await harness.db.prisma.auditLog.findFirstOrThrow({ where: { action: "site-probe.run" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "ok", target: `site-probe:${probe.id}`, actor: probe.triggeredBy });
    expect(audit.details).toEqual({ roll: "gv2022", verdict: "ok", baseUrl: harness.sim.url });
  });

  it("stores a down verdict during an outage, with the plain explanation", async () => {
    harness.sim.faults.add({ path: /\.aspx/i, kind: "500" });
    try {
      const response = await call("POST", { headers: { ...TOKEN, ...JSON_BODY }, body: "{}" });
      expect(response.status).toBe(201);
      const probe = (await response.json()) as StoredProbe;
      expect(probe.ok).toBe(false);
      expect(probe.report!.verdict).toBe("down");
      expect(probe.report!.explanations[0]).toContain("the municipality's database is down; try later");
    } finally {
      harness.sim.faults.clear();
    }
  });

  it("runs one probe at a time: a second start while one runs is refused with 409 and audited", async () => {
    harness.sim.faults.add({ path: /searchcrit\.aspx/i, latencyMs: 1_500 });
    try {
      const first = call("POST", { headers: { ...TOKEN, ...JSON_BODY }, body: "{}" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await call("POST", { headers: { ...TOKEN, ...JSON_BODY }, body: JSON.stringify({ roll: "gv2017" }) });
      expect(second.status).toBe(409);
      expect(await second.json()).toMatchObject({ type: "/problems/probe-in-progress", detail: "A probe of gv2022 is running; wait for it to finish." });
      expect((await first).status).toBe(201);
      const refused = await harness.db.prisma.auditLog.findFirstOrThrow({ where: { action: "site-probe.run", outcome: "refused" } });
      expect(refused.details).toEqual({ roll: "gv2017", reason: "a probe of gv2022 is running" });
    } finally {
      harness.sim.faults.clear();
    }
  });
});

describe("GET /api/admin/site-probes", () => {
  it("gives the latest probe of each roll probed", async () => {
    const response = await call("GET", { headers: TOKEN });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: StoredProbe[] };
    const newest = await harness.db.prisma.siteProbe.findFirstOrThrow({ where: { roll: "gv2022" }, orderBy: { id: "desc" } });
    expect(data.map((probe) => [probe.roll, probe.id])).toEqual([["gv2022", newest.id]]);
    expect(data[0]!.report?.verdict).toBe("ok");
  });
});
