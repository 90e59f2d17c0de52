import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { SignInThrottle, failureDelayMs } from "./sign-in-throttle";

// Failure counts live in PostgreSQL: two throttles on two pools stand for two web instances.

let testDb: TestDatabase;
let first: Database;
let second: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  first = createDatabase(testDb.url, 4);
  second = createDatabase(testDb.url, 4);
});
afterAll(async () => {
  await closeDatabase(first);
  await closeDatabase(second);
  await testDb?.drop();
});

/** Moves a client's row back in time, as if `ms` had passed. */
async function age(client: string, ms: number) {
  await first.pool.query(
    `UPDATE sign_in_failures SET last_failure_at = last_failure_at - $2 * interval '1 millisecond',
       locked_until = locked_until - $2 * interval '1 millisecond' WHERE client_address = $1`,
    [client, ms],
  );
}

function pair(maxFailures = 3, lockoutMs = 60_000) {
  return [new SignInThrottle(first.pool, { maxFailures, lockoutMs }), new SignInThrottle(second.pool, { maxFailures, lockoutMs })] as const;
}

describe("SignInThrottle (PostgreSQL)", () => {
  it("locks a client out after the allowed failures, counted across instances, for the lockout period", async () => {
    const [a, b] = pair(3, 60_000);
    for (let i = 1; i <= 3; i += 1) {
      const t = i % 2 ? a : b;
      expect(await t.begin("1.2.3.4")).toEqual({ allowed: true });
      expect(await t.fail("1.2.3.4")).toMatchObject({ failures: i, lockedOut: i === 3 });
    }
    expect(await a.begin("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await b.begin("1.2.3.4")).toMatchObject({ allowed: false });
    await age("1.2.3.4", 30_000);
    expect(await b.begin("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    await age("1.2.3.4", 30_001);
    expect(await a.begin("1.2.3.4")).toEqual({ allowed: true });
  });

  it("keeps clients apart", async () => {
    const [a] = pair(1);
    await a.begin("a");
    await a.fail("a");
    expect((await a.begin("a")).allowed).toBe(false);
    expect((await a.begin("b")).allowed).toBe(true);
  });

  it("forgives failures after a successful sign-in on any instance", async () => {
    const [a, b] = pair(3);
    await a.begin("c");
    await a.fail("c");
    await a.begin("c");
    await a.fail("c");
    await a.begin("c");
    await b.succeed("c");
    for (let i = 0; i < 2; i += 1) {
      expect((await a.begin("c")).allowed).toBe(true);
      await a.fail("c");
    }
    expect((await b.begin("c")).allowed).toBe(true);
  });

  it("counts attempts still being checked, so a parallel burst on two instances cannot pass the limit", async () => {
    const [a, b] = pair(3);
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).begin("burst")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
  });

  it("forgets old failures once the lockout period has passed without any", async () => {
    const [a] = pair(3, 60_000);
    await a.begin("d");
    await a.fail("d");
    await a.begin("d");
    await a.fail("d");
    await age("d", 60_001);
    for (let i = 0; i < 3; i += 1) expect((await a.begin("d")).allowed).toBe(true);
  });
});

describe("failureDelayMs", () => {
  it("slows down from the third failure, doubling up to a cap", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(failureDelayMs)).toEqual([0, 0, 250, 500, 1_000, 2_000, 4_000]);
  });
});
