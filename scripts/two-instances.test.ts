import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { assembleWeb, ensureBuild, startStandalone, type StandaloneServer } from "./testing/standalone-server";

// Two web instances (two `node server.js` of the standalone build, as two containers would run)
// on one database: one rate limit, one sign-in lockout and one sign-out across both. Both see the
// test as the same client (127.0.0.1, no trusted proxy). Needs `next build`; the helper builds
// when the build is missing or older than the code.

const PASSWORD = "two-instances-admin-password";
let web: { dir: string; remove: () => void };
let testDb: TestDatabase;
let a: StandaloneServer;
let b: StandaloneServer;

beforeAll(async () => {
  ensureBuild();
  web = assembleWeb();
  testDb = await createTestDatabase();
  const env = {
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: testDb.url,
    CURSOR_SECRET: "two-instances-cursor-secret",
    SESSION_SECRET: "two-instances-session-secret-of-32-characters",
    ADMIN_PASSWORD: await hashPassword(PASSWORD),
    ADMIN_SIGN_IN_MAX_FAILURES: "3",
    RATE_LIMIT_PER_MINUTE: "6",
    RATE_LIMIT_EXPORTS_PER_MINUTE: "2",
  };
  [a, b] = await Promise.all([startStandalone(web.dir, env), startStandalone(web.dir, env)]);
}, 900_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await testDb?.drop();
  web?.remove();
});

const origin = (server: StandaloneServer) => `http://127.0.0.1:${server.port}`;

function signIn(server: StandaloneServer, password: string) {
  return fetch(`${origin(server)}/api/admin/sign-in`, {
    method: "POST",
    headers: { origin: origin(server), "content-type": "application/json" },
    body: JSON.stringify({ password }),
  });
}

describe("two web instances on one database", () => {
  it("share sessions: signing out on one ends the session on the other", async () => {
    const signedIn = await signIn(a, PASSWORD);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    expect((await fetch(`${origin(b)}/api/admin/scrape-runs`, { headers: { cookie } })).status).toBe(200);
    const signedOut = await fetch(`${origin(b)}/api/admin/sign-out`, { method: "POST", headers: { cookie, origin: origin(b) } });
    expect(signedOut.status).toBe(204);
    expect((await fetch(`${origin(a)}/api/admin/scrape-runs`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${origin(b)}/api/admin/scrape-runs`, { headers: { cookie } })).status).toBe(401);
  });

  it("share one rate limit: six requests a minute in all, not six each", async () => {
    const remaining: string[] = [];
    for (const server of [a, b, a, b, a, b]) {
      const response = await fetch(`${origin(server)}/api/suburbs`);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["5", "4", "3", "2", "1", "0"]);
    for (const server of [a, b]) {
      const refused = await fetch(`${origin(server)}/api/suburbs`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("share one lockout: three wrong passwords spread over both lock the client out of both", async () => {
    expect((await signIn(a, "wrong password one")).status).toBe(401);
    expect((await signIn(b, "wrong password two")).status).toBe(401);
    expect((await signIn(a, "wrong password three")).status).toBe(429);
    for (const server of [a, b]) {
      const refused = await signIn(server, PASSWORD);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { type: string }).type).toBe("/problems/locked-out");
    }
  });
});
