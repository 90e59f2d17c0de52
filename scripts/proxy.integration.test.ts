import { spawnSync } from "node:child_process";
import { createServer, request as httpRequest, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { runScrape } from "@/lib/scraper/run-scrape";
import { resolveScrapeOptions } from "@/lib/scraper/scrape-options";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import type { ValuationList } from "@/lib/valuations/valuation-schema";
import { assembleWeb, ensureBuild, startStandalone, type StandaloneServer } from "./testing/standalone-server";

// The server as DEPLOYMENT.md runs it: the standalone output with HOSTNAME=0.0.0.0 (as the image
// sets it), behind a reverse proxy that terminates TLS. The proxy here is a few lines of node:http
// that does what nginx's usual configuration does: passes the request to the app's port with Host
// set to that port (proxy_pass), appends the peer to X-Forwarded-For and says
// X-Forwarded-Proto: https and X-Forwarded-Host: the public host. The app trusts it:
// TRUSTED_PROXY_HOPS=1. A second server, reached directly with no proxy (TRUSTED_PROXY_HOPS=0),
// shows what a client can and cannot make it believe. Needs `next build` (built when missing).

const PUBLIC_HOST = "valuations.example.org";
const PASSWORD = "proxy-test-admin-password";
const ADMIN_TOKEN = "proxy-test-admin-token";

let web: ReturnType<typeof assembleWeb>;
let sim: Simulator;
const databases: TestDatabase[] = [];
let proxied: StandaloneServer;
let direct: StandaloneServer;
let proxy: Server;
/** Where a client reaches the proxy (plain HTTP here; the proxy claims https, as a TLS terminator would). */
let front: string;
let directBase: string;

function startProxy(upstreamPort: number): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const forwardedFor = incoming.headers["x-forwarded-for"];
    const peer = incoming.socket.remoteAddress ?? "";
    const headers = {
      ...incoming.headers,
      host: `127.0.0.1:${upstreamPort}`,
      "x-forwarded-for": forwardedFor ? `${forwardedFor}, ${peer}` : peer,
      "x-forwarded-proto": "https",
      "x-forwarded-host": PUBLIC_HOST,
    };
    const upstream = httpRequest({ host: "127.0.0.1", port: upstreamPort, method: incoming.method, path: incoming.url, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function scrapedDatabase(): Promise<TestDatabase> {
  const testDb = await createTestDatabase();
  databases.push(testDb);
  const db = createDatabase(testDb.url, 3);
  try {
    const summary = await runScrape({ db, options: resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: 4, trigger: "cron" }), log: createLogger({}, { level: "silent" }) });
    expect(summary.status).toBe("succeeded");
  } finally {
    await closeDatabase(db);
  }
  return testDb;
}

beforeAll(async () => {
  ensureBuild();
  web = assembleWeb();
  sim = await startSimulator({ rows: 400, seed: 21 });
  const adminPassword = await hashPassword(PASSWORD);
  const env = {
    HOSTNAME: "0.0.0.0",
    CURSOR_SECRET: "proxy-test-cursor-secret",
    ADMIN_PASSWORD: adminPassword,
    SESSION_SECRET: "proxy-test-session-secret-of-32-characters",
    ADMIN_TOKEN,
    ADMIN_SIGN_IN_MAX_FAILURES: "3",
  };
  proxied = await startStandalone(web.dir, { ...env, DATABASE_URL: (await scrapedDatabase()).url, TRUSTED_PROXY_HOPS: "1" });
  direct = await startStandalone(web.dir, { ...env, DATABASE_URL: (await scrapedDatabase()).url });
  proxy = await startProxy(proxied.port);
  front = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  directBase = `http://127.0.0.1:${direct.port}`;
}, 900_000);

afterAll(async () => {
  if (proxy) await new Promise((resolve) => proxy.close(resolve));
  await proxied?.stop();
  await direct?.stop();
  for (const testDb of databases) await testDb.drop();
  await sim?.close();
  web?.remove();
});

/** A link the app gave, fetched through the proxy (which stands for https://valuations.example.org). */
const throughProxy = (link: string) => `${front}${link.replace(`https://${PUBLIC_HOST}`, "")}`;

describe("behind a trusted reverse proxy (TRUSTED_PROXY_HOPS=1, HOSTNAME=0.0.0.0)", () => {
  it("gives next links at the public https origin, and following them end to end lists every row once", async () => {
    let url: string | null = `https://${PUBLIC_HOST}/api/valuations?limit=37&total=true`;
    let total: number | undefined;
    const seen = new Set<string>();
    let pages = 0;
    while (url) {
      const response = await fetch(throughProxy(url));
      expect(response.status).toBe(200);
      const page = (await response.json()) as ValuationList;
      total ??= page.total;
      for (const row of page.data) seen.add(`${row.titleType}:${row.rateNumber}`);
      if (page.next !== null) {
        expect(page.next.startsWith(`https://${PUBLIC_HOST}/api/valuations?limit=37&total=true&cursor=`)).toBe(true);
        expect(response.headers.get("link")).toBe(`<${page.next}>; rel="next"`);
      } else {
        expect(response.headers.get("link")).toBeNull();
      }
      url = page.next;
      pages += 1;
    }
    expect(total).toBeGreaterThan(300);
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total! / 37));
  });

  it("names the public origin in the OpenAPI document's servers", async () => {
    const document = (await (await fetch(`${front}/api/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(document.servers).toEqual([{ url: `https://${PUBLIC_HOST}` }]);
  });

  it("sends HSTS, as the user is on https", async () => {
    for (const path of ["/", "/api/suburbs", "/about"]) {
      expect((await fetch(`${front}${path}`)).headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    }
  });

  it("cannot be talked out of a sign-in lockout with a forged X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await fetch(`${front}/api/admin/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: `https://${PUBLIC_HOST}`, "x-forwarded-for": `198.51.100.${attempt}` },
        body: JSON.stringify({ password: `wrong guess ${attempt}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 429, 429, 429]);
    const right = await fetch(`${front}/api/admin/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `https://${PUBLIC_HOST}`, "x-forwarded-for": "203.0.113.200" },
      body: JSON.stringify({ password: PASSWORD }),
    });
    expect(right.status).toBe(429);
    expect(right.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers unknown /api paths and wrong methods with problem+json, the 405 with Allow", async () => {
    for (const path of ["/api/no-such-thing", "/api", "/api/valuations/1/extra"]) {
      const missing = await fetch(`${front}${path}`, { method: path === "/api" ? "POST" : "GET" });
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get("content-type"), path).toBe("application/problem+json");
      expect(await missing.json()).toMatchObject({ type: "/problems/not-found", status: 404 });
    }

    const wrongMethod = await fetch(`${front}/api/valuations`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(wrongMethod.headers.get("content-type")).toBe("application/problem+json");
    expect(await wrongMethod.json()).toMatchObject({ type: "/problems/method-not-allowed", status: 405 });

    const signInGet = await fetch(`${front}/api/admin/sign-in`);
    expect(signInGet.status).toBe(405);
    expect(signInGet.headers.get("allow")).toBe("OPTIONS, POST");
  });
});

describe("reached directly, with no proxy trusted (TRUSTED_PROXY_HOPS=0, HOSTNAME=0.0.0.0)", () => {
  it("gives relative next links and servers, never its bind address", async () => {
    const response = await fetch(`${directBase}/api/valuations?limit=5`, { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    const page = (await response.json()) as ValuationList;
    expect(page.next).toMatch(/^\/api\/valuations\?limit=5&cursor=/);
    expect(response.headers.get("link")).toBe(`<${page.next}>; rel="next"`);
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const document = (await (await fetch(`${directBase}/api/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(document.servers).toEqual([{ url: "/" }]);
  });

  it("takes the socket's address: a new X-Forwarded-For each time does not escape the lockout", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await fetch(`${directBase}/api/admin/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: directBase, "x-forwarded-for": `192.0.2.${attempt}` },
        body: JSON.stringify({ password: `wrong guess ${attempt}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 429, 429, 429]);
  });

  it("throttles wrong bearer tokens like wrong passwords, on the same count", async () => {
    // The sign-ins above locked this client out: a right token waits too, a wrong one as well.
    const right = await fetch(`${directBase}/api/admin/data-health`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "x-forwarded-for": "192.0.2.99" } });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a sign-in body of 1 MB with 413 without reading it", async () => {
    const response = await fetch(`${directBase}/api/admin/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: directBase },
      body: JSON.stringify({ password: "x".repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: "/problems/body-too-large", status: 413 });
  });
});

describe("production start-up", () => {
  it("refuses a plain-text ADMIN_PASSWORD and a missing CURSOR_SECRET with one line naming them", () => {
    const run = spawnSync(process.execPath, [path.join(web.dir, "server.js")], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "0", HOSTNAME: "127.0.0.1", DATABASE_URL: databases[0]!.url, ADMIN_PASSWORD: "plain-text-password", SESSION_SECRET: "s".repeat(32) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Unsafe environment: CURSOR_SECRET is required in production .*; ADMIN_PASSWORD=\(19 characters, hidden\): must be a scrypt: hash in production/);
  });
});
