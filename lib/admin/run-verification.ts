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


/** One plain sentence on the cross-check. */
export function describeCrossCheck(verification: Pick<RunVerificationJson, "crossCheck" | "rowsVerified">): string {
  const check = verification.crossCheck;
  if (!check) return "Not cross-checked yet.";
  if (!check.ran) return `Cross-check skipped: ${check.reason}.`;
  if (check.agreed) {
    return `The cross-check by volume agreed with the suburb pass: ${formatNumber(verification.rowsVerified)} rows verified (${formatNumber(check.piecesFetched)} pieces read).`;
  }
  const parts = [
    check.unconfirmed > 0 ? `${formatNumber(check.unconfirmed)} rows found by no volume` : "",
    check.unplaced > 0 ? `${formatNumber(check.unplaced)} rows in no suburb` : "",
    check.unsplittable.length > 0 ? `${formatNumber(check.unsplittable.length)} pieces too big to read whole` : "",
  ].filter(Boolean);
  return `The cross-check by volume disagreed with the suburb pass (${parts.join(", ")}): nothing was marked removed.`;
}
