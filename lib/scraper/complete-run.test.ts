import { describe, expect, it } from "vitest";
import { decideCrossCheck } from "./complete-run";

const now = new Date("2026-12-03T02:00:00Z");
const daysAgo = (days: number) => ({ runId: 40, finishedAt: new Date(now.getTime() - days * 86_400_000) });

describe("decideCrossCheck", () => {
  it("never cross-checks a run of a few suburbs", () => {
    expect(decideCrossCheck("always", 7, false, null, now)).toEqual({ run: false, reason: "not a whole-roll run" });
  });

  it("obeys always and never", () => {
    expect(decideCrossCheck("always", 7, true, daysAgo(1), now).run).toBe(true);
    expect(decideCrossCheck("never", 7, true, null, now)).toEqual({ run: false, reason: "--cross-check never" });
  });

  it("auto: runs when none agreed yet or the last agreed one is as old as the period, else says when it ran", () => {
    expect(decideCrossCheck("auto", 7, true, null, now)).toEqual({ run: true, reason: "no agreed cross-check yet" });
    expect(decideCrossCheck("auto", 7, true, daysAgo(7), now)).toEqual({ run: true, reason: "the last agreed cross-check (run #40) is 7 days old" });
    expect(decideCrossCheck("auto", 7, true, daysAgo(6.5), now)).toEqual({ run: false, reason: "run #40 cross-checked the roll 6 days ago (every 7 days)" });
    expect(decideCrossCheck("auto", 7, true, daysAgo(0.2), now)).toEqual({ run: false, reason: "run #40 cross-checked the roll less than a day ago (every 7 days)" });
  });
});
