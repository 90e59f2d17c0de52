import { resumeRun } from "@/lib/admin/run-control";
import { parseRunId, runNotFound, startAnswer, wrongState } from "@/lib/admin/run-answers";
import { workerStaleMs } from "@/lib/admin/worker-heartbeat";
import { adminRoute } from "@/lib/auth/admin-route";
import { config } from "@/lib/config";

// POST: queue an interrupted, failed or cancelled run for the worker, which takes it up again from
// its unfinished tasks; 202 with the run, 409 if another run holds the roll or this one cannot be resumed.

export const dynamic = "force-dynamic";

export const POST = adminRoute<{ id: string }>(async (_request, { db, log, actor, params, audit }) => {
  const id = parseRunId(params.id);
  if (!id.ok) return id.response;
  const outcome = await resumeRun({ db, log, triggeredBy: actor.label, workerStaleMs: workerStaleMs(config.WORKER_POLL_SECONDS) }, id.id);
  if (outcome.kind === "not-found") return runNotFound(id.id);
  await audit({ action: "scrape-run.resume", outcome: outcome.kind === "queued" ? "ok" : "refused", target: `scrape-run:${id.id}` });
  if (outcome.kind === "not-resumable") return wrongState({ id: id.id }, outcome.state, "resume");
  return startAnswer(outcome);
});
