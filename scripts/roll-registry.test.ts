import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { ROLL_REGISTRY_TTL_MS } from "@/lib/rolls/roll-registry";
import { scrapeOptionsForRoll } from "@/lib/rolls/roll-scrape-options";
import { startQueueWorker, type QueueWorker } from "@/lib/scheduler/queue-worker";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { assembleWeb, ensureBuild, freePort, startStandalone, until, type StandaloneServer } from "./testing/standalone-server";

// A roll added through the admin API is served by every instance of the built server without a
// restart: two `node server.js` (as the image runs them) on one database, the roll added through
// the first, scraped by the worker (what the cron role runs), then asked for from the second.
// The new registry id (gv2099) points at a roll the simulator serves (gv2017).

const TOKEN = "roll-registry-test-admin-token";
const log = createLogger({}, { level: "silent" });

let web: { dir: string; remove: () => void };
let sim: Simulator;
let testDb: TestDatabase;
let db: Database;
let first: StandaloneServer;
let second: StandaloneServer;
let worker: QueueWorker;

const url = (server: StandaloneServer, path: string) => `http://127.0.0.1:${server.port}${path}`;
const admin = (server: StandaloneServer, path: string, method: string, body: unknown) =>
  fetch(url(server, path), { method, headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  ensureBuild();
  web = assembleWeb();
  sim = await startSimulator({ rows: 300, seed: 11 });
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 3);
  const env = { DATABASE_URL: testDb.url, CURSOR_SECRET: "roll-registry-test-cursor-secret", ADMIN_TOKEN: TOKEN, HOSTNAME: "127.0.0.1" };
  [first, second] = await Promise.all([startStandalone(web.dir, env), startStandalone(web.dir, env)]);
  worker = startQueueWorker({ db, pollMs: 200, politeness: (roll) => scrapeOptionsForRoll(db, { roll, trigger: "admin", delayMs: 0, concurrency: 4 }), log });
}, 900_000);

afterAll(async () => {
  await worker?.stop();
  await Promise.all([first?.stop(), second?.stop()]);
  if (db) await closeDatabase(db);
  await testDb?.drop();
  await sim?.close();
  web?.remove();
});

describe("a roll added in the admin area", () => {
  it("is refused by the API before it exists, with the rolls there are", async () => {
    const response = await fetch(url(second, "/api/valuations?roll=gv2099"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ parameter: "roll", message: "must be one of: gv2026, gv2022, gv2017, gv2012" }] });
  });

  it("is saved with its site's probe verdict, and audited", async () => {
    const response = await admin(first, "/api/admin/rolls", "POST", {
      id: "gv2099",
      label: "GV 2099",
      baseUrl: sim.rollUrl("gv2017"),
      valuationDate: "2098-07-01",
      effectiveFrom: "2099-07-01",
      status: "active",
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { data: { id: string; probeVerdict: string; baseUrl: string }; probe: { id: number; roll: string }; warning: string | null };
    expect(body.data).toMatchObject({ id: "gv2099", baseUrl: sim.rollUrl("gv2017"), probeVerdict: "ok" });
    expect(body.probe).toMatchObject({ roll: "gv2099" });
    expect(body.warning).toBeNull();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "roll.add" } });
    expect(audit).toMatchObject({ actor: "api token", outcome: "ok", target: "roll:gv2099" });

    const again = await admin(first, "/api/admin/rolls", "POST", { id: "gv2099", label: "GV 2099", effectiveFrom: "2099-07-01" });
    expect(again.status).toBe(409);
  });

  it("is saved even when its site is down, with the warning and the verdict", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`;
    const response = await admin(first, "/api/admin/rolls", "POST", { id: "gv2098", label: "GV 2098", baseUrl: closed, effectiveFrom: "2001-07-01", status: "planned" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { data: { probeVerdict: string }; warning: string };
    expect(body.data.probeVerdict).toBe("down");
    expect(body.warning).toContain(`gv2098 is saved, but the site at ${closed} is down`);

    const edited = await admin(first, "/api/admin/rolls/gv2098", "PATCH", { status: "archived", baseUrl: null });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ data: { status: "archived", baseUrl: null }, warning: "gv2098 has no base URL: it cannot be scraped until it has one." });
    expect((await admin(first, "/api/admin/rolls/gv2098", "PATCH", { effectiveTo: "2000-01-01" })).status).toBe(400);
    expect((await admin(first, "/api/admin/rolls/gv3000", "PATCH", { status: "active" })).status).toBe(404);
    expect(await db.prisma.auditLog.count({ where: { action: "roll.edit" } })).toBe(3);
  });

  it("is scraped by the worker from its own site, then served by the other instance and its search page", async () => {
    const start = await admin(second, "/api/admin/scrape-runs", "POST", { roll: "gv2099" });
    // The second instance may not have read the registry since the roll was added: within the TTL it does.
    expect([202, 400]).toContain(start.status);
    if (start.status === 400) {
      await new Promise((resolve) => setTimeout(resolve, ROLL_REGISTRY_TTL_MS));
      expect((await admin(second, "/api/admin/scrape-runs", "POST", { roll: "gv2099" })).status).toBe(202);
    }
    await until(async () => (await db.prisma.scrapeRun.findFirst({ where: { roll: "gv2099", status: "succeeded" } })) !== null, "the worker to scrape gv2099", 120_000);
    const run = await db.prisma.scrapeRun.findFirstOrThrow({ where: { roll: "gv2099" } });
    expect(run).toMatchObject({ baseUrl: sim.rollUrl("gv2017"), wholeRoll: true, complete: true });

    const expected = [...sim.site.rolls.gv2017!.properties()].length;
    const list = await fetch(url(second, "/api/valuations?roll=gv2099&total=true&limit=3"));
    expect(list.status).toBe(200);
    const page = (await list.json()) as { data: { roll: string; rateNumber: string }[]; total: number; meta: { roll: string } };
    expect(page.meta.roll).toBe("gv2099");
    expect(page.total).toBe(expected);
    expect(page.data.every((row) => row.roll === "gv2099")).toBe(true);

    const search = await fetch(url(second, "/?roll=gv2099"));
    expect(search.status).toBe(200);
    const html = await search.text();
    expect(html).toContain("GV 2099");
    expect(html).toContain(page.data[0]!.rateNumber);
  });

  it("becomes the default roll once it has a complete run and is the newest (within the TTL, on every instance)", async () => {
    for (const server of [first, second]) {
      await until(
        async () => ((await (await fetch(url(server, "/api/valuations?limit=1"))).json()) as { meta: { roll: string } }).meta.roll === "gv2099",
        "gv2099 to be the default roll",
        ROLL_REGISTRY_TTL_MS * 4,
      );
    }
    const openapi = (await (await fetch(url(second, "/api/openapi.json"))).json()) as { paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }> };
    const roll = openapi.paths["/api/valuations"]!.get.parameters.find((parameter) => parameter.name === "roll");
    expect(roll?.schema.enum).toEqual(["gv2099", "gv2026", "gv2022", "gv2017", "gv2012", "gv2098"]);
  });
});
