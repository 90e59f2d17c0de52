import { describe, expect, it } from "vitest";
import { STALE_HEARTBEAT_MS } from "@/lib/scraper/store/runs";
import { isActive, isResumable, runState } from "./run-state";

const now = Date.UTC(2026, 10, 28, 12);
const run = (status: string, heartbeatAgoMs = 1_000, cancelRequested = false) => ({
  status,
  heartbeatAt: new Date(now - heartbeatAgoMs),
  cancelRequestedAt: cancelRequested ? new Date(now - 500) : null,
});

describe("runState", () => {
  it("passes finished states through", () => {
    for (const status of ["succeeded", "failed", "cancelled"]) expect(runState(run(status, 10 * STALE_HEARTBEAT_MS), now)).toBe(status);
  });

  it("tells a live run from one whose process died", () => {
    expect(runState(run("running", 2_000), now)).toBe("running");
    expect(runState(run("running", STALE_HEARTBEAT_MS + 1), now)).toBe("interrupted");
  });

  it("shows a live run asked to stop as cancelling, and a dead one still as interrupted", () => {
    expect(runState(run("running", 2_000, true), now)).toBe("cancelling");
    expect(runState(run("running", STALE_HEARTBEAT_MS + 1, true), now)).toBe("interrupted");
  });
});

describe("isResumable / isActive", () => {
  it("offers to resume only runs that stopped unfinished", () => {
    expect(["running", "cancelling", "interrupted", "succeeded", "failed", "cancelled"].filter((s) => isResumable(s as never))).toEqual([
      "interrupted",
      "failed",
      "cancelled",
    ]);
    expect(isActive("running")).toBe(true);
    expect(isActive("cancelling")).toBe(true);
    expect(isActive("interrupted")).toBe(false);
  });
});
