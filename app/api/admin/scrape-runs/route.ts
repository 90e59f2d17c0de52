import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { startRun } from "@/lib/admin/run-control";
import { startAnswer } from "@/lib/admin/run-answers";
import { listRuns } from "@/lib/admin/run-queries";
import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { listRunsQuerySchema, startRunInputSchema } from "@/lib/admin/start-run-input";
import { workerStaleMs } from "@/lib/admin/worker-heartbeat";
import { adminRoute } from "@/lib/auth/admin-route";
import { config } from "@/lib/config";
import { rollRegistry } from "@/lib/rolls/roll-registry";

// GET: run history, newest first (`limit`, `before` = a run id). POST: queue a run for the worker
// (the cron role); 202 with the run and whether a worker is running, or 409 naming the run already
// queued or going.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (request, { db }) => {
  const query = parseQuery(listRunsQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return invalidParameters(query.errors).toResponse();
  return Response.json(await listRuns(db, query.value));
});

export const POST = adminRoute(async (request, { db, log, actor, audit }) => {
  const body = await parseJsonBody(request, startRunInputSchema(await rollRegistry(db)));
  if (!body.ok) return body.response;
  const outcome = await startRun({ db, log, triggeredBy: actor.label, workerStaleMs: workerStaleMs(config.WORKER_POLL_SECONDS) }, body.value);
  await audit({
    action: "scrape-run.start",
    outcome: outcome.kind === "queued" ? "ok" : "refused",
    target: outcome.kind === "queued" ? `scrape-run:${outcome.run.id}` : outcome.kind === "busy" && outcome.running ? `scrape-run:${outcome.running.id}` : null,
    details: { ...body.value, ...(outcome.kind === "queued" ? {} : { reason: outcome.message }) },
  });
  return startAnswer(outcome);
});
