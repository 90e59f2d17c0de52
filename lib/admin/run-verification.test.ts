import { describe, expect, it } from "vitest";
import { crossCheckOutcome, describeCrossCheck, runVerification } from "./run-verification";

const run = {
  complete: true,
  crossCheck: { ran: true, reason: "no agreed cross-check yet", agreed: true, piecesFetched: 1_234, unconfirmed: 0, unplaced: 0, unsplittable: [], examples: [] },
  rowsVerified: 612_345,
  rowsRecovered: 3,
  oddCells: 2,
  oddCellExamples: [{ rateNumber: "05100037", column: "marketValue", text: "NaN" }, { rateNumber: "05100038", column: "registeredExtent", text: "-12" }],
};

describe("runVerification", () => {
  it("carries the cross-check, the verified and recovered rows and the odd cells", () => {
    expect(runVerification(run)).toEqual({ ...run, crossCheck: run.crossCheck });
  });

  it("reads a run without a cross-check or with malformed JSON as not checked", () => {
    expect(runVerification({ ...run, crossCheck: null, oddCellExamples: "x" })).toMatchObject({ crossCheck: null, oddCellExamples: [] });
  });
});

describe("describeCrossCheck", () => {
  it("says whether the passes agreed, in plain words and South African numbers", () => {
    expect(describeCrossCheck(runVerification(run))).toBe(
      "The cross-check by volume agreed with the suburb pass: 612\u00a0345 rows verified (1\u00a0234 pieces read).",
    );
    const disagreed = runVerification({ ...run, crossCheck: { ...run.crossCheck, agreed: false, unconfirmed: 2, unsplittable: ["full volume 07 × suburb 1"] } });
    expect(describeCrossCheck(disagreed)).toBe(
      "The cross-check by volume disagreed with the suburb pass (2 rows found by no volume, 1 pieces too big to read whole): nothing was marked removed.",
    );
    expect(describeCrossCheck(runVerification({ ...run, crossCheck: { ran: false, reason: "--cross-check never", agreed: null } }))).toBe(
      "Cross-check skipped: --cross-check never.",
    );
    expect(describeCrossCheck(runVerification({ ...run, crossCheck: null }))).toBe("Not cross-checked yet.");
  });
});

describe("crossCheckOutcome", () => {
  it("gives the cross-check's outcome as data, for the run page to word", () => {
    expect(crossCheckOutcome(runVerification(run))).toEqual({ kind: "agreed", rowsVerified: 612_345, piecesFetched: 1_234 });
    const disagreed = runVerification({ ...run, crossCheck: { ...run.crossCheck, agreed: false, unconfirmed: 2, unsplittable: ["full volume 07 × suburb 1"] } });
    expect(crossCheckOutcome(disagreed)).toEqual({ kind: "disagreed", unconfirmed: 2, unplaced: 0, unsplittable: 1 });
    expect(crossCheckOutcome(runVerification({ ...run, crossCheck: { ran: false, reason: "--cross-check never", agreed: null } }))).toEqual({ kind: "skipped", reason: "--cross-check never" });
    expect(crossCheckOutcome(runVerification({ ...run, crossCheck: null }))).toEqual({ kind: "not-checked" });
  });
});
