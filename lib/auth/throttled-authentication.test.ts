import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { adminSettings } from "./admin-settings";
import { authenticate } from "./authenticate";
import { SESSION_COOKIE } from "./session-cookie";
import { SignInThrottle } from "./sign-in-throttle";
import { authenticateThrottled, type ThrottledAuthenticationDeps } from "./throttled-authentication";

// Wrong bearer tokens go through the sign-in throttle (PostgreSQL) like wrong passwords.

const settings = adminSettings(parseConfig({ ADMIN_TOKEN: "the-right-admin-token", ADMIN_SIGN_IN_MAX_FAILURES: "3" }));

let testDb: TestDatabase;
let db: Database;
let throttle: SignInThrottle;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 2);
  throttle = new SignInThrottle(db.pool, { maxFailures: 3, lockoutMs: 60_000 });
});
afterAll(async () => {
  if (db) await closeDatabase(db);
  await testDb?.drop();
});

function attempt(clientAddress: string, headers: Record<string, string>) {
  const audited: Parameters<ThrottledAuthenticationDeps["audit"]>[0][] = [];
  const slept: number[] = [];
  const request = { method: "GET", headers: new Headers({ host: "localhost:3000", ...headers }) };
  const outcome = authenticateThrottled(request.headers, async () => authenticate(request, settings), {
    clientAddress,
    throttle,
    audit: async (entry) => void audited.push(entry),
    sleep: async (ms) => void slept.push(ms),
  });
  return outcome.then((result) => ({ result, audited, slept }));
}

describe("authenticateThrottled", () => {
  it("counts wrong tokens, slows them down, then locks the client out, even for the right token", async () => {
    const client = "192.0.2.10";
    for (let failure = 1; failure <= 3; failure += 1) {
      const { result, audited, slept } = await attempt(client, { authorization: "Bearer a-wrong-guess" });
      expect(result).toMatchObject({ ok: false, refusal: { status: 401 } });
      expect(audited).toEqual([{ action: "api-token", outcome: "failed", details: { failures: failure, lockedOut: failure === 3 } }]);
      expect(slept).toEqual([failure === 3 ? 250 : 0]);
    }
    const locked = await attempt(client, { authorization: "Bearer the-right-admin-token" });
    expect(locked.result).toMatchObject({ ok: false, refusal: { status: 429, type: "/problems/locked-out" } });
    expect(locked.audited).toEqual([{ action: "api-token", outcome: "refused", details: { reason: "locked-out", retryAfterSeconds: 60 } }]);
    // Another client is not affected.
    expect((await attempt("192.0.2.11", { authorization: "Bearer the-right-admin-token" })).result.ok).toBe(true);
  });

  it("forgives a client its failures when the token is right", async () => {
    const client = "192.0.2.20";
    await attempt(client, { authorization: "Bearer wrong-1" });
    await attempt(client, { authorization: "Bearer wrong-2" });
    const { result, audited } = await attempt(client, { authorization: "Bearer the-right-admin-token" });
    expect(result.ok).toBe(true);
    expect(audited).toEqual([]);
    const { rows } = await db.pool.query(`SELECT * FROM sign_in_failures WHERE client_address = $1`, [client]);
    expect(rows).toEqual([]);
  });

  it("audits a refused session cookie, but not a request that carried no credential", async () => {
    const forged = await attempt("192.0.2.30", { cookie: `${SESSION_COOKIE}=forged.value` });
    expect(forged.result.ok).toBe(false);
    expect(forged.audited).toEqual([{ action: "admin-request", outcome: "refused", details: { reason: expect.any(String) } }]);
    const bare = await attempt("192.0.2.31", {});
    expect(bare.result.ok).toBe(false);
    expect(bare.audited).toEqual([]);
  });
});
