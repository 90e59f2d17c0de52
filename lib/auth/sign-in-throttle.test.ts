import { describe, expect, it } from "vitest";
import { SignInThrottle, failureDelayMs } from "./sign-in-throttle";

function throttle(maxFailures = 3, lockoutMs = 60_000) {
  const clock = { now: 1_000_000 };
  return { clock, throttle: new SignInThrottle({ maxFailures, lockoutMs }, () => clock.now) };
}

describe("SignInThrottle", () => {
  it("locks a client out after the allowed failures, for the lockout period", () => {
    const { clock, throttle: t } = throttle(3, 60_000);
    for (let i = 1; i <= 3; i += 1) {
      expect(t.begin("1.2.3.4")).toEqual({ allowed: true });
      expect(t.fail("1.2.3.4")).toMatchObject({ failures: i, lockedOut: i === 3 });
    }
    expect(t.begin("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.now += 30_000;
    expect(t.begin("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    clock.now += 30_001;
    expect(t.begin("1.2.3.4")).toEqual({ allowed: true });
  });

  it("keeps clients apart", () => {
    const { throttle: t } = throttle(1);
    t.begin("a");
    t.fail("a");
    expect(t.begin("a").allowed).toBe(false);
    expect(t.begin("b").allowed).toBe(true);
  });

  it("forgives failures after a successful sign-in", () => {
    const { throttle: t } = throttle(3);
    t.begin("a");
    t.fail("a");
    t.begin("a");
    t.fail("a");
    t.begin("a");
    t.succeed("a");
    for (let i = 0; i < 2; i += 1) {
      expect(t.begin("a").allowed).toBe(true);
      t.fail("a");
    }
    expect(t.begin("a").allowed).toBe(true);
  });

  it("counts attempts still being checked, so a parallel burst cannot pass the limit", () => {
    const { throttle: t } = throttle(3);
    const decisions = Array.from({ length: 10 }, () => t.begin("burst"));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
  });

  it("forgets old failures once the lockout period has passed without any", () => {
    const { clock, throttle: t } = throttle(3, 60_000);
    t.begin("a");
    t.fail("a");
    t.begin("a");
    t.fail("a");
    clock.now += 60_001;
    for (let i = 0; i < 3; i += 1) expect(t.begin("a").allowed).toBe(true);
  });
});

describe("failureDelayMs", () => {
  it("slows down from the third failure, doubling up to a cap", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(failureDelayMs)).toEqual([0, 0, 250, 500, 1_000, 2_000, 4_000]);
  });
});
