import type { ParameterError } from "@/lib/api/parse-query";
import type { Database } from "@/lib/db/client";
import { runAdminProbe } from "@/lib/probe/admin-probe";
import type { StoredProbe } from "@/lib/probe/site-probes";
import { datesProblem, type AddRollInput, type EditRollInput } from "./roll-input";
import type { RegisteredRoll } from "./roll-registry";
import { createRoll, findRegisteredRoll, recordRollProbe, updateRoll } from "./roll-store";

// Adding or editing a roll from the admin area. When the roll has a base URL, the site probe
// (lib/probe) checks that address at once; its verdict is stored on the roll and answered. A roll
// is saved whatever the verdict: the answer warns when the site is down or degraded.

export type SavedRoll = { kind: "saved"; roll: RegisteredRoll; probe: StoredProbe | null; warning: string | null };
export type SaveRollOutcome = SavedRoll | { kind: "exists" } | { kind: "not-found" } | { kind: "invalid"; errors: ParameterError[] };

export async function addRoll(db: Database, input: AddRollInput, triggeredBy: string): Promise<SaveRollOutcome> {
  const roll = await createRoll(db, input);
  if (!roll) return { kind: "exists" };
  return probeSaved(db, roll, triggeredBy);
}

export async function editRoll(db: Database, id: string, patch: EditRollInput, triggeredBy: string): Promise<SaveRollOutcome> {
  const current = await findRegisteredRoll(db, id);
  if (!current) return { kind: "not-found" };
  const problem = datesProblem({ ...current, ...patch });
  if (problem) return { kind: "invalid", errors: [{ parameter: "effectiveTo", message: problem }] };
  const roll = await updateRoll(db, id, patch);
  if (!roll) return { kind: "not-found" };
  return probeSaved(db, roll, triggeredBy);
}

/** A warning for the admin about a probe's verdict; null when the site looks fine. */
export function probeWarning(roll: Pick<RegisteredRoll, "id" | "baseUrl">, probe: StoredProbe): string | null {
  const verdict = probe.report?.verdict ?? (probe.ok ? "ok" : "down");
  const why = probe.report?.explanations[0];
  if (verdict === "ok") return null;
  if (verdict === "degraded") return `${roll.id} is saved, but the site at ${roll.baseUrl} answered with problems${why ? `: ${why}` : "."}`;
  return `${roll.id} is saved, but the site at ${roll.baseUrl} is down or is not a valuation roll site${why ? `: ${why}` : "."} A scrape of it will fail until it answers.`;
}

async function probeSaved(db: Database, roll: RegisteredRoll, triggeredBy: string): Promise<SavedRoll> {
  if (roll.baseUrl === null) return { kind: "saved", roll, probe: null, warning: `${roll.id} has no base URL: it cannot be scraped until it has one.` };
  const outcome = await runAdminProbe(db, { roll: roll.id, baseUrl: roll.baseUrl, triggeredBy });
  if (outcome.kind === "busy") {
    return { kind: "saved", roll, probe: null, warning: `${roll.id} is saved, but its site was not probed: a probe of ${outcome.roll} was running. Probe it from the site probe panel.` };
  }
  const verdict = outcome.probe.report?.verdict ?? (outcome.probe.ok ? "ok" : "down");
  const probed = await recordRollProbe(db, roll.id, { id: outcome.probe.id, verdict });
  return { kind: "saved", roll: probed, probe: outcome.probe, warning: probeWarning(probed, outcome.probe) };
}
