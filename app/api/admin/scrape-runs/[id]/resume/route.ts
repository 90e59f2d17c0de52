import { resumeRun } from "@/lib/admin/run-control";
import { parseRunId, runNotFound, startAnswer, wrongState } from "@/lib/admin/run-answers";
import { adminRoute } from "@/lib/auth/admin-route";

// POST: take an interrupted, failed or cancelled run up again from its unfinished tasks, in the
// background; 202 with the run, 409 if another run holds the roll or this one cannot be resumed.

export const dynamic = "force-dynamic";

export const POST = adminRoute<{ id: string }>(async (_request, { db, log, actor, params, audit }) => {
  const id = parseRunId(params.id);
  if (!id.ok) return id.response;
  const outcome = await resumeRun({ db, log, triggeredBy: actor.label }, id.id);
  if (outcome.kind === "not-found") return runNotFound(id.id);
  await audit({ action: "scrape-run.resume", outcome: outcome.kind === "started" ? "ok" : "refused", target: `scrape-run:${id.id}` });
  if (outcome.kind === "not-resumable") return wrongState({ id: id.id }, outcome.state, "resume");
  return startAnswer(outcome);
});
