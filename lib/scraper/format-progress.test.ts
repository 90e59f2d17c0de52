import { describe, expect, it } from "vitest";
import { formatProgressLine, formatSummary, formatVerification } from "./format-progress";
import type { ScrapeSummary } from "./run-scrape";

const progress = {
  runId: 7,
  tasksTotal: 10,
  tasksDone: 4,
  tasksFailed: 1,
  rowsSeen: 12_345,
  rowsAdded: 12_000,
  rowsChanged: 5,
  rowsUnchanged: 340,
  startedAt: 0,
  pausedUntil: null,
  pausedMs: 0,
};

describe("formatProgressLine", () => {
  it("shows tasks, rows, rate, ETA and failures", () => {
    const line = formatProgressLine(progress, 10_000, 10);
    expect(line).toBe("run #7 █████░░░░░ 5/10 tasks · 12\u00a0345 rows · 1\u00a0235 rows/s · ETA 10s · 1 failed");
  });

  it("says the site is down and when the next try is, instead of a rate and an ETA", () => {
    const paused = { ...progress, pausedUntil: Date.parse("2026-12-03T09:41:05Z"), pausedMs: 60_000 };
    expect(formatProgressLine(paused, 10_000, 10, "UTC")).toBe("run #7 █████░░░░░ 5/10 tasks · site down, next try at 09:41:05 · 12\u00a0345 rows · 1 failed");
    expect(formatProgressLine(paused, 10_000, 10, "Africa/Johannesburg")).toContain("next try at 11:41:05");
  });
});

describe("formatSummary", () => {
  it("lists counters, anomalies and failures", () => {
    const summary: ScrapeSummary = {
      ...progress,
      status: "failed",
      rowsRemoved: 0,
      detailsFetched: 0,
      requests: 42,
      anomalies: [{ titleType: "full", suburbId: "22136", suburbName: "AMANZIMTOTI", rowsBefore: 12 }],
      failures: [{ titleType: "sectional", suburbId: "1", suburbName: "BLUFF", url: "FramePages/x", error: "HTTP 500" }],
      warnings: ['the roll\'s "as at" dates could not be read from FramePages/SearchType.aspx (HTTP 500); they are left unknown'],
      pausedMs: 190_000,
      rowsRecovered: 3,
      oddCells: 1_204,
      rowsVerified: 0,
      crossCheck: null,
      incomplete: null,
      error: "1 of 10 tasks failed",
    };
    const text = formatSummary(summary, 65_000);
    expect(text).toContain("Run #7 failed in 1m 05s (42 requests).");
    // South African grouping: a non-breaking space between thousands.
    expect(text).toContain("12\u00a0345 seen · 12\u00a0000 added · 5 changed · 340 unchanged · 0 removed");
    expect(text).toContain("Anomaly: AMANZIMTOTI (full, suburb 22136) came back empty but had 12 rows; they were kept.");
    expect(text).toContain("Failed: BLUFF (sectional, suburb 1): HTTP 500");
    expect(text).toContain("Paused while the site was down: 3m 10s.");
    expect(text).toContain("Cross-check: not reached · 3 recovered by a second look.");
    expect(text).toContain("Odd cells (NaN, negative or unreadable value or extent) stored as empty: 1\u00a0204.");
    expect(text).toContain("Warning: the roll's \"as at\" dates could not be read");
  });

  it("states the cross-check's outcome and why a run is incomplete", () => {
    const base = { rowsVerified: 4_990, rowsRecovered: 10 };
    const ran = { ran: true, reason: "no agreed cross-check yet", agreed: true, piecesFetched: 178, rowsVerified: 4_990, rowsRecovered: 10, confirmedByRateNumber: 0, unconfirmed: 0, unplaced: 0, unsplittable: [], examples: [] };
    expect(formatVerification({ ...base, crossCheck: ran })).toBe(
      "Cross-check by volume: the passes agree · 4\u00a0990 rows verified · 10 recovered by a second look · 178 pieces fetched.",
    );
    expect(formatVerification({ ...base, crossCheck: { ...ran, agreed: false, unconfirmed: 2 } })).toContain("the passes DISAGREE");
    expect(formatVerification({ ...base, crossCheck: { ...ran, ran: false, agreed: null, reason: "--cross-check never" } })).toBe(
      "Cross-check: skipped (--cross-check never) · 10 recovered by a second look.",
    );
  });
});
