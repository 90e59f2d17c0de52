import { cancelRun } from "@/lib/admin/run-control";
import { parseRunId, runNotFound, wrongState } from "@/lib/admin/run-answers";
import { runJson } from "@/lib/admin/run-json";
import { runDetail } from "@/lib/admin/run-queries";
import { workerStaleMs } from "@/lib/admin/worker-heartbeat";
import { adminRoute } from "@/lib/auth/admin-route";
import { config } from "@/lib/config";

// GET: one run with live progress per title type, rate, ETA and its failed tasks (the page polls
// this every second), and whether a worker is running. DELETE: a queued run is cancelled at once;
// a running one is asked to stop and does so at its next heartbeat (about a second for admin runs,
// five for the CLI's), keeps what it stored, and can be resumed.

export const dynamic = "force-dynamic";

export const GET = adminRoute<{ id: string }>(async (_request, { db, params }) => {
  const id = parseRunId(params.id);
  if (!id.ok) return id.response;
  const detail = await runDetail(db, id.id, workerStaleMs(config.WORKER_POLL_SECONDS));
  return detail ? Response.json(detail) : runNotFound(id.id);
});

export const DELETE = adminRoute<{ id: string }>(async (_request, { db, params, audit }) => {
  const id = parseRunId(params.id);
  if (!id.ok) return id.response;
  const outcome = await cancelRun(db, id.id);
  if (outcome.kind === "not-found") return runNotFound(id.id);
  await audit({ action: "scrape-run.cancel", outcome: outcome.kind === "cancelling" ? "ok" : "refused", target: `scrape-run:${id.id}` });
  if (outcome.kind === "not-running") return wrongState(outcome.run, outcome.state, "cancel");
  return Response.json(runJson(outcome.run, Date.now()), { status: 202 });
});
