import { describe, expect, it } from "vitest";
import { describePause, pauseNotice, runPause } from "./run-pause";

const paused = {
  pausedUntil: new Date("2026-12-03T12:32:05Z"),
  pausedMs: BigInt(190_000),
  warnings: [{ at: "2026-12-03T12:00:00.000Z", message: "the roll's \"as at\" dates could not be read" }, "junk"],
};

describe("runPause", () => {
  it("shows when the next try is due while a live run is paused, the time paused and the warnings", () => {
    const pause = runPause(paused, "running");
    expect(pause).toEqual({
      pausedUntil: "2026-12-03T12:32:05.000Z",
      pausedMs: 190_000,
      warnings: [{ at: "2026-12-03T12:00:00.000Z", message: "the roll's \"as at\" dates could not be read" }],
    });
    expect(describePause(pause)).toBe(
      "Site down, next try at 14:32:05 (Johannesburg time). No requests until then; the run carries on when the site answers. Paused 3m 10s so far.",
    );
  });

  it("shows no pause for a run that is not live, nor for one that is not paused", () => {
    expect(runPause(paused, "interrupted").pausedUntil).toBeNull();
    expect(runPause(paused, "failed").pausedUntil).toBeNull();
    expect(describePause(runPause({ ...paused, pausedUntil: null }, "running"))).toBeNull();
  });
});

describe("pauseNotice", () => {
  it("gives the next try in Johannesburg time and the time paused, for the run page to word", () => {
    expect(pauseNotice(runPause(paused, "running"))).toEqual({ nextTry: "14:32:05", pausedMs: 190_000 });
    expect(pauseNotice(runPause(paused, "failed"))).toBeNull();
  });
});
