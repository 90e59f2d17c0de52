import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { startRun } from "@/lib/admin/run-control";
import { startAnswer } from "@/lib/admin/run-answers";
import { listRuns } from "@/lib/admin/run-queries";
import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { listRunsQuerySchema, startRunInputSchema } from "@/lib/admin/start-run-input";
import { adminRoute } from "@/lib/auth/admin-route";

// GET: run history, newest first (`limit`, `before` = a run id). POST: start a run in the
// background; 202 with the run, or 409 naming the run already going.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (request, { db }) => {
  const query = parseQuery(listRunsQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return invalidParameters(query.errors);
  return Response.json(await listRuns(db, query.value));
});

export const POST = adminRoute(async (request, { db, log, actor, audit }) => {
  const body = await parseJsonBody(request, startRunInputSchema);
  if (!body.ok) return body.response;
  const outcome = await startRun({ db, log, triggeredBy: actor.label }, body.value);
  await audit({
    action: "scrape-run.start",
    outcome: outcome.kind === "started" ? "ok" : "refused",
    target: outcome.kind === "started" ? `scrape-run:${outcome.run.id}` : outcome.running ? `scrape-run:${outcome.running.id}` : null,
    details: { ...body.value, ...(outcome.kind === "busy" ? { reason: outcome.message } : {}) },
  });
  return startAnswer(outcome);
});
