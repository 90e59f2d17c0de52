import type { ScrapeRun } from "@/lib/generated/prisma/client";
import { formatNumber } from "@/lib/format/format-number";

// How a run proved the roll complete, as the admin pages and /api/ready show it: the cross-check's
// outcome (a second reading of the roll by volume), rows verified and recovered, and the odd
// cells stored as empty. Safe to use in client components.

export type CrossCheckJson = {
  ran: boolean;
  reason: string;
  agreed: boolean | null;
  piecesFetched: number;
  unconfirmed: number;
  unplaced: number;
  unsplittable: string[];
  examples: string[];
};

export type OddCellJson = { rateNumber: string; column: string; text: string };

export type RunVerificationJson = {
  complete: boolean;
  crossCheck: CrossCheckJson | null;
  rowsVerified: number;
  rowsRecovered: number;
  oddCells: number;
  oddCellExamples: OddCellJson[];
};

type VerificationFields = Pick<ScrapeRun, "complete" | "crossCheck" | "rowsVerified" | "rowsRecovered" | "oddCells" | "oddCellExamples">;

function crossCheckJson(value: unknown): CrossCheckJson | null {
  if (value === null || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const count = (key: string) => (typeof v[key] === "number" ? (v[key] as number) : 0);
  const strings = (key: string) => (Array.isArray(v[key]) ? (v[key] as unknown[]).map(String) : []);
  return {
    ran: v.ran === true,
    reason: typeof v.reason === "string" ? v.reason : "",
    agreed: typeof v.agreed === "boolean" ? v.agreed : null,
    piecesFetched: count("piecesFetched"),
    unconfirmed: count("unconfirmed"),
    unplaced: count("unplaced"),
    unsplittable: strings("unsplittable"),
    examples: strings("examples"),
  };
}

export function runVerification(run: VerificationFields): RunVerificationJson {
  const examples = Array.isArray(run.oddCellExamples) ? (run.oddCellExamples as Partial<OddCellJson>[]) : [];
  return {
    complete: run.complete,
    crossCheck: crossCheckJson(run.crossCheck),
    rowsVerified: run.rowsVerified,
    rowsRecovered: run.rowsRecovered,
    oddCells: run.oddCells,
    oddCellExamples: examples.map((e) => ({ rateNumber: String(e.rateNumber ?? ""), column: String(e.column ?? ""), text: String(e.text ?? "") })),
  };
}


/** The cross-check's outcome as data: the run page words it from its catalogue. */
export type CrossCheckOutcome =
  | { kind: "not-checked" }
  | { kind: "skipped"; reason: string }
  | { kind: "agreed"; rowsVerified: number; piecesFetched: number }
  | { kind: "disagreed"; unconfirmed: number; unplaced: number; unsplittable: number };

export function crossCheckOutcome(verification: Pick<RunVerificationJson, "crossCheck" | "rowsVerified">): CrossCheckOutcome {
  const check = verification.crossCheck;
  if (!check) return { kind: "not-checked" };
  if (!check.ran) return { kind: "skipped", reason: check.reason };
  if (check.agreed) return { kind: "agreed", rowsVerified: verification.rowsVerified, piecesFetched: check.piecesFetched };
  return { kind: "disagreed", unconfirmed: check.unconfirmed, unplaced: check.unplaced, unsplittable: check.unsplittable.length };
}

/** One plain sentence on the cross-check (English). */
export function describeCrossCheck(verification: Pick<RunVerificationJson, "crossCheck" | "rowsVerified">): string {
  const outcome = crossCheckOutcome(verification);
  if (outcome.kind === "not-checked") return "Not cross-checked yet.";
  if (outcome.kind === "skipped") return `Cross-check skipped: ${outcome.reason}.`;
  if (outcome.kind === "agreed") {
    return `The cross-check by volume agreed with the suburb pass: ${formatNumber(outcome.rowsVerified)} rows verified (${formatNumber(outcome.piecesFetched)} pieces read).`;
  }
  const parts = [
    outcome.unconfirmed > 0 ? `${formatNumber(outcome.unconfirmed)} rows found by no volume` : "",
    outcome.unplaced > 0 ? `${formatNumber(outcome.unplaced)} rows in no suburb` : "",
    outcome.unsplittable > 0 ? `${formatNumber(outcome.unsplittable)} pieces too big to read whole` : "",
  ].filter(Boolean);
  return `The cross-check by volume disagreed with the suburb pass (${parts.join(", ")}): nothing was marked removed.`;
}
