import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { RateLimiter, rateLimitHeaders } from "./rate-limiter";

// The buckets live in PostgreSQL: two limiters on two pools (two web instances) share them, and a
// burst of parallel takes cannot overdraw a bucket.

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

/** Moves a bucket's last update back in time, as if `ms` had passed. */
async function age(key: string, ms: number) {
  await first.pool.query(`UPDATE rate_limit_buckets SET updated_at = updated_at - $2 * interval '1 millisecond' WHERE key = $1`, [key, ms]);
}

describe("RateLimiter (PostgreSQL)", () => {
  it("allows the budget across two instances, then refuses with the wait, and refills over the minute", async () => {
    const a = new RateLimiter(first.pool, 60);
    const b = new RateLimiter(second.pool, 60);
    for (let i = 0; i < 30; i += 1) expect((await a.take("203.0.113.1")).allowed).toBe(true);
    for (let i = 0; i < 30; i += 1) expect((await b.take("203.0.113.1")).allowed).toBe(true);
    const refused = await a.take("203.0.113.1");
    expect(refused).toMatchObject({ allowed: false, limit: 60, remaining: 0, retryAfterSeconds: 1 });
    expect(rateLimitHeaders(refused)).toMatchObject({ "RateLimit-Limit": "60", "RateLimit-Remaining": "0", "Retry-After": "1" });
    expect((await b.take("203.0.113.2")).allowed).toBe(true);
    await age("api:203.0.113.1", 1_000);
    expect(await b.take("203.0.113.1")).toMatchObject({ allowed: true, remaining: 0 });
    await age("api:203.0.113.1", 60_000);
    expect((await a.take("203.0.113.1")).remaining).toBe(59);
  });

  it("charges exports more and says how long until one fits", async () => {
    const limiter = new RateLimiter(first.pool, 600, { scope: "exports-test" });
    expect((await limiter.take("a", 60)).remaining).toBe(540);
    for (let i = 0; i < 9; i += 1) await limiter.take("a", 60);
    const refused = await limiter.take("a", 60);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(5);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(6);
    expect(rateLimitHeaders(await limiter.take("b"))).not.toHaveProperty("Retry-After");
  });

  it("grants exactly the budget to a burst of parallel requests from both instances", async () => {
    const a = new RateLimiter(first.pool, 20, { scope: "burst" });
    const b = new RateLimiter(second.pool, 20, { scope: "burst" });
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).take("198.51.100.9")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(20);
  });

  it("lets requests through when the database does not answer, and says why", async () => {
    const broken = createDatabase("postgresql://postgres@127.0.0.1:1/none", 1);
    const errors: string[] = [];
    const limiter = new RateLimiter(broken.pool, 5, { onError: (error) => errors.push(error.message) });
    expect((await limiter.take("a")).allowed).toBe(true);
    expect(errors).toHaveLength(1);
    await closeDatabase(broken);
  });
});
