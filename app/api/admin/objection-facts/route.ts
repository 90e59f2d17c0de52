import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { invalidParameters } from "@/lib/api/problem";
import { adminProblem } from "@/lib/auth/admin-problem";
import { adminRoute } from "@/lib/auth/admin-route";
import { listObjectionFacts, objectionFactInputSchema, objectionFactKeySchema, removeObjectionFact, saveObjectionFact } from "@/lib/objections/objection-facts";
import { resolveRoll } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";

// GET: every roll's objection facts. PUT: enter or correct one (roll, key, value, source).
// DELETE (body: roll, key): take one back, so pages say it is not known. Audited.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_request, { db }) => Response.json({ data: await listObjectionFacts(db) }));

export const PUT = adminRoute(async (request, { db, actor, audit }) => {
  const body = await parseJsonBody(request, objectionFactInputSchema);
  if (!body.ok) return body.response;
  const registered = resolveRoll(body.value.roll, await rollRegistry(db));
  if (!registered.ok) return invalidParameters(registered.errors).toResponse();
  const saved = await saveObjectionFact(db, body.value, actor.label);
  await audit({ action: "objection-fact.save", target: `objection-fact:${saved.roll}/${saved.key}`, details: { value: saved.value, source: saved.source } });
  return Response.json(saved);
});

export const DELETE = adminRoute(async (request, { db, audit }) => {
  const body = await parseJsonBody(request, objectionFactKeySchema);
  if (!body.ok) return body.response;
  const { roll, key } = body.value;
  if (!(await removeObjectionFact(db, roll, key))) {
    return adminProblem({ type: "/problems/not-found", title: "Not found", status: 404, detail: `No "${key}" entered for ${roll}.` });
  }
  await audit({ action: "objection-fact.remove", target: `objection-fact:${roll}/${key}` });
  return new Response(null, { status: 204 });
});
