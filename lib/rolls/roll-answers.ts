import { invalidParameters } from "@/lib/api/problem";
import { adminProblem } from "@/lib/auth/admin-problem";
import type { SaveRollOutcome } from "./save-roll";

/** The HTTP answer to adding (201) or editing (200) a roll. */
export function saveRollAnswer(outcome: SaveRollOutcome, id: string, created: boolean): Response {
  switch (outcome.kind) {
    case "saved":
      return Response.json({ data: outcome.roll, probe: outcome.probe, warning: outcome.warning }, { status: created ? 201 : 200 });
    case "exists":
      return adminProblem({ type: "/problems/conflict", title: "The roll exists", status: 409, detail: `There is already a roll ${id}: edit it instead.` });
    case "not-found":
      return adminProblem({ type: "/problems/not-found", title: "Not found", status: 404, detail: `There is no roll ${id}.` });
    case "invalid":
      return invalidParameters(outcome.errors).toResponse();
  }
}

/** What the audit log keeps of a save. */
export function auditedSave(outcome: SaveRollOutcome, fields: Record<string, unknown>): { outcome: "ok" | "refused"; details: Record<string, unknown> } {
  if (outcome.kind !== "saved") return { outcome: "refused", details: { ...fields, refused: outcome.kind } };
  return { outcome: "ok", details: { ...fields, probe: outcome.probe?.id ?? null, verdict: outcome.roll.probeVerdict, warning: outcome.warning } };
}
