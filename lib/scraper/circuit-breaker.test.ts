import { describe, expect, it } from "vitest";
import { SiteDownError, createCircuitBreaker, type BreakerOptions, type PauseEvent } from "./circuit-breaker";

function breaker(answers: (string | null)[], overrides: Partial<BreakerOptions> = {}) {
  const pauses: PauseEvent[] = [];
  const paused: number[] = [];
  let probes = 0;
  const b = createCircuitBreaker({
    failureThreshold: 3,
    backoffMs: 20,
    maxBackoffMs: 60,
    patienceMs: 10_000,
    probe: async () => (probes < answers.length ? answers[probes++]! : (probes++, "HTTP 500")),
    onPause: (event) => pauses.push(event),
    onPaused: (ms) => paused.push(ms),
    ...overrides,
  });
  return { b, pauses, paused, probes: () => probes };
}

describe("createCircuitBreaker", () => {
  it("stays closed below the threshold, and a success starts the count again", async () => {
    const { b, probes } = breaker([]);
    b.recordFailure("HTTP 500", b.nextRequest());
    b.recordFailure("HTTP 500", b.nextRequest());
    b.recordSuccess(b.nextRequest());
    b.recordFailure("HTTP 500", b.nextRequest());
    b.recordFailure("HTTP 500", b.nextRequest());
    expect(b.isOpen).toBe(false);
    await b.whenClosed();
    expect(probes()).toBe(0);
    expect(b.answeredSince(0)).toBe(true);
  });

  it("weighs an answer by when it was asked for: a slow page sent before the failures resets nothing", () => {
    const { b } = breaker([]);
    const slow = b.nextRequest();
    const since = b.lastRequest;
    b.recordFailure("HTTP 500", b.nextRequest());
    b.recordFailure("HTTP 500", b.nextRequest());
    b.recordSuccess(slow);
    expect(b.answeredSince(since)).toBe(false);
    b.recordFailure("HTTP 500", b.nextRequest());
    expect(b.isOpen).toBe(true);
  });

  it("opens after the threshold, probes at once, pauses with doubling backoff up to the ceiling, and closes when a probe answers", async () => {
    const { b, pauses, paused, probes } = breaker(["network error ECONNREFUSED", "HTTP 500", "HTTP 500", "HTTP 500", null]);
    for (let i = 0; i < 3; i += 1) b.recordFailure("network error ECONNRESET", b.nextRequest());
    expect(b.isOpen).toBe(true);
    b.recordFailure("ignored while open", b.nextRequest());
    await b.whenClosed();
    expect(b.isOpen).toBe(false);
    expect(b.pausedUntil).toBeNull();
    expect(probes()).toBe(5);
    expect(pauses.map((p) => p.pauseMs)).toEqual([20, 40, 60, 60]);
    expect(pauses[0]!.lastError).toBe("network error ECONNREFUSED");
    expect(pauses[1]!.lastError).toBe("HTTP 500");
    expect(paused).toHaveLength(4);
    expect(b.answeredSince(b.lastRequest - 1)).toBe(true); // the probe
    // Closed again: it takes the full threshold to open it once more.
    b.recordFailure("HTTP 500", b.nextRequest());
    expect(b.isOpen).toBe(false);
  });

  it("does not pause when the probe sent at the threshold answers: the failures were the pages' own", async () => {
    const { b, pauses, probes } = breaker([null]);
    for (let i = 0; i < 3; i += 1) b.recordFailure("HTTP 500", b.nextRequest());
    const since = b.lastRequest;
    expect(b.isOpen).toBe(true);
    await b.whenClosed();
    expect(probes()).toBe(1);
    expect(pauses).toEqual([]);
    expect(b.answeredSince(since - 1)).toBe(true);
  });

  it("gives up after its patience: every waiter, now and later, gets a SiteDownError", async () => {
    const { b, probes } = breaker([], { patienceMs: 100 });
    for (let i = 0; i < 3; i += 1) b.recordFailure("HTTP 500", b.nextRequest());
    const waiting = [b.whenClosed(), b.whenClosed()];
    for (const waiter of waiting) await expect(waiter).rejects.toThrow(SiteDownError);
    await expect(b.whenClosed()).rejects.toThrow(/has not answered since .*last error: HTTP 500/);
    expect(b.isOpen).toBe(true);
    expect(probes()).toBeGreaterThanOrEqual(2);
  });

  it("sends one probe for many callers, and a failed probe counts as a failure", async () => {
    const { b, probes } = breaker(["HTTP 503", null]);
    const [first, second] = await Promise.all([b.probeNow(), b.probeNow()]);
    expect([first, second]).toEqual([false, false]);
    expect(probes()).toBe(1);
    b.recordFailure("HTTP 500", b.nextRequest());
    b.recordFailure("HTTP 500", b.nextRequest());
    expect(b.isOpen).toBe(true);
    await b.whenClosed();
    expect(probes()).toBe(2);
  });

  it("stops waiting when the run is stopped", async () => {
    const stop = new AbortController();
    const { b } = breaker([], { backoffMs: 60_000, maxBackoffMs: 60_000, signal: stop.signal });
    for (let i = 0; i < 3; i += 1) b.recordFailure("HTTP 500", b.nextRequest());
    const waiting = b.whenClosed();
    stop.abort(new Error("cancel requested"));
    await expect(waiting).rejects.toThrow("cancel requested");
  });
});
