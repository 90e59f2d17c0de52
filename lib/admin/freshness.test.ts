import { describe, expect, it } from "vitest";
import { assessFreshness } from "./freshness";

const nightly = { schedule: "0 2 * * *", timezone: "Africa/Johannesburg", graceMs: 6 * 3_600_000 };
// 02:00 in Johannesburg is 00:00 UTC.
const started = new Date("2026-11-27T00:00:05Z");
const finished = new Date("2026-11-27T00:40:00Z");

describe("assessFreshness", () => {
  it("is fresh until the next scheduled run plus the grace period has passed", () => {
    const fresh = assessFreshness({ ...nightly, lastSuccessStartedAt: started, lastSuccessFinishedAt: finished, now: new Date("2026-11-28T05:59:00Z") });
    expect(fresh).toMatchObject({ state: "fresh", nextScheduledAt: new Date("2026-11-28T00:00:00Z"), dueBy: new Date("2026-11-28T06:00:00Z") });
  });

  it("is overdue once a scheduled run was missed", () => {
    const overdue = assessFreshness({ ...nightly, lastSuccessStartedAt: started, lastSuccessFinishedAt: finished, now: new Date("2026-11-28T06:01:00Z") });
    expect(overdue.state).toBe("overdue");
  });

  it("says so when nothing ever succeeded", () => {
    expect(assessFreshness({ ...nightly, lastSuccessStartedAt: null, lastSuccessFinishedAt: null, now: new Date() })).toEqual({ state: "never", dueBy: null });
  });

  it("follows a weekly schedule", () => {
    const weekly = { ...nightly, schedule: "0 3 * * 0" };
    // Friday's manual run; next Sunday 03:00 SAST = 01:00 UTC.
    const result = assessFreshness({ ...weekly, lastSuccessStartedAt: started, lastSuccessFinishedAt: finished, now: new Date("2026-11-29T06:59:00Z") });
    expect(result).toMatchObject({ state: "fresh", nextScheduledAt: new Date("2026-11-29T01:00:00Z") });
  });
});
