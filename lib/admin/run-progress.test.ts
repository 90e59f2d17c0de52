import { describe, expect, it } from "vitest";
import { runProgress, titleProgress } from "./run-progress";

const counts = [
  { titleType: "sectional", status: "pending", tasks: 6, rows: 0 },
  { titleType: "full", status: "done", tasks: 8, rows: 4_000 },
  { titleType: "full", status: "failed", tasks: 1, rows: 0 },
  { titleType: "full", status: "running", tasks: 1, rows: 0 },
  { titleType: "sectional", status: "done", tasks: 4, rows: 1_000 },
];

describe("titleProgress", () => {
  it("sums each title type's tasks by status, done and failed counting as through", () => {
    expect(titleProgress(counts)).toEqual([
      { titleType: "full", total: 10, done: 8, failed: 1, running: 1, pending: 0, rows: 4_000, percent: 90 },
      { titleType: "sectional", total: 10, done: 4, failed: 0, running: 0, pending: 6, rows: 1_000, percent: 40 },
    ]);
  });
});

describe("runProgress", () => {
  const since = new Date(Date.UTC(2026, 10, 28, 12, 0, 0));
  const base = { counts, tasksTotal: 20, rowsSeen: 5_000, since, tasksAtStart: 0, rowsAtStart: 0, active: true };

  it("gives the overall share, the rate and the time left at the pace so far", () => {
    const progress = runProgress({ ...base, now: since.getTime() + 100_000 });
    expect(progress.percent).toBe(65);
    expect(progress.rowsPerSecond).toBe(50);
    // 13 tasks in 100 s, 7 to go.
    expect(progress.etaSeconds).toBe(54);
  });

  it("measures a resumed run from where it picked up", () => {
    const progress = runProgress({ ...base, tasksAtStart: 10, rowsAtStart: 4_000, now: since.getTime() + 30_000 });
    expect(progress.rowsPerSecond).toBe(33.3);
    expect(progress.etaSeconds).toBe(70);
  });

  it("has no time left for a finished or stopped run, nor before the first task is through", () => {
    expect(runProgress({ ...base, active: false, now: since.getTime() + 1_000 }).etaSeconds).toBeNull();
    expect(runProgress({ ...base, counts: [], rowsSeen: 0, now: since.getTime() + 1_000 }).etaSeconds).toBeNull();
    expect(runProgress({ ...base, counts: [], tasksTotal: 0, rowsSeen: 0, now: since.getTime() }).percent).toBe(0);
  });
});
