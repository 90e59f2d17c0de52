import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitHeaders } from "./rate-limiter";

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("RateLimiter", () => {
  it("allows the budget, then refuses with the wait, and refills over the minute", () => {
    const time = clock();
    const limiter = new RateLimiter(60, { now: time.now });
    for (let i = 0; i < 60; i += 1) expect(limiter.take("a").allowed).toBe(true);
    const refused = limiter.take("a");
    expect(refused).toEqual({ allowed: false, limit: 60, remaining: 0, resetSeconds: 60, retryAfterSeconds: 1 });
    expect(limiter.take("b").allowed).toBe(true);
    time.advance(1_000);
    expect(limiter.take("a")).toMatchObject({ allowed: true, remaining: 0 });
    time.advance(60_000);
    expect(limiter.take("a").remaining).toBe(59);
  });

  it("charges exports more and says how long until one fits", () => {
    const time = clock();
    const limiter = new RateLimiter(600, { now: time.now });
    expect(limiter.take("a", 60).remaining).toBe(540);
    for (let i = 0; i < 9; i += 1) limiter.take("a", 60);
    const refused = limiter.take("a", 60);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 6 });
    expect(rateLimitHeaders(refused)).toEqual({ "RateLimit-Limit": "600", "RateLimit-Remaining": "0", "RateLimit-Reset": "60", "Retry-After": "6" });
    expect(rateLimitHeaders(limiter.take("b"))).not.toHaveProperty("Retry-After");
  });

  it("forgets idle clients first when it tracks too many", () => {
    const time = clock();
    const limiter = new RateLimiter(10, { now: time.now, maxClients: 3 });
    limiter.take("busy", 10);
    for (const client of ["a", "b", "c", "d"]) limiter.take(client);
    time.advance(60_000);
    limiter.take("e");
    // "busy" is refilled by now, so it was dropped; were it remembered it would still count.
    expect(limiter.take("busy").remaining).toBe(9);
  });
});
