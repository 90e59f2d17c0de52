import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { adminProblem } from "@/lib/auth/admin-problem";
import { adminRoute } from "@/lib/auth/admin-route";
import { invalidParameters } from "@/lib/api/problem";
import { probedBaseUrl, runAdminProbe, runProbeInputSchema } from "@/lib/probe/admin-probe";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { latestProbes } from "@/lib/probe/site-probes";

// GET: the latest probe of each roll. POST: probe the roll's site now (a handful of requests, up to
// two minutes) and answer 201 with the stored report, or 409 while another probe runs.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_request, { db }) => Response.json({ data: await latestProbes(db, (await rollRegistry(db)).ids) }));

export const POST = adminRoute(async (request, { db, actor, audit }) => {
  const registry = await rollRegistry(db);
  const body = await parseJsonBody(request, runProbeInputSchema(registry));
  if (!body.ok) return body.response;
  const baseUrl = probedBaseUrl(registry, body.value.roll);
  if (baseUrl === null) return invalidParameters([{ parameter: "roll", message: `${body.value.roll} has no base URL in the roll registry: set one first` }]).toResponse();
  const outcome = await runAdminProbe(db, { ...body.value, baseUrl, triggeredBy: actor.label });
  if (outcome.kind === "busy") {
    await audit({ action: "site-probe.run", outcome: "refused", details: { ...body.value, reason: `a probe of ${outcome.roll} is running` } });
    return adminProblem({ type: "/problems/probe-in-progress", title: "A probe is already running", status: 409, detail: `A probe of ${outcome.roll} is running; wait for it to finish.` });
  }
  const { probe } = outcome;
  await audit({ action: "site-probe.run", target: `site-probe:${probe.id}`, details: { ...body.value, verdict: probe.report?.verdict ?? null, baseUrl: probe.baseUrl } });
  return Response.json(probe, { status: 201 });
});
