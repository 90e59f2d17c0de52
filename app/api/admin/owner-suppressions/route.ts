import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { adminProblem } from "@/lib/auth/admin-problem";
import { invalidParameters } from "@/lib/api/problem";
import { adminRoute } from "@/lib/auth/admin-route";
import { addSuppression, listSuppressions, valuationExists } from "@/lib/owners/owner-suppressions";
import { addSuppressionInputSchema } from "@/lib/owners/suppression-input";
import { resolveRoll } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";

// GET: the suppression list, newest first. POST: withhold a property's owners everywhere (201),
// 404 for a property not on the roll, 409 when it is already on the list. Audited.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_request, { db }) => Response.json({ data: await listSuppressions(db) }));

export const POST = adminRoute(async (request, { db, actor, audit }) => {
  const body = await parseJsonBody(request, addSuppressionInputSchema);
  if (!body.ok) return body.response;
  const registered = resolveRoll(body.value.roll, await rollRegistry(db));
  if (!registered.ok) return invalidParameters(registered.errors).toResponse();
  const { roll, titleType, rateNumber, reason } = body.value;
  const target = `property:${roll}/${titleType}/${rateNumber}`;
  if (!(await valuationExists(db.pool, body.value))) {
    await audit({ action: "owner-suppression.add", outcome: "refused", target, details: { reason, refused: "not on the roll" } });
    return adminProblem({
      type: "/problems/not-found",
      title: "Not found",
      status: 404,
      detail: `No ${titleType} title property with rate number ${rateNumber} on ${roll}.`,
    });
  }
  const added = await addSuppression(db, { ...body.value, createdBy: actor.label });
  await audit({ action: "owner-suppression.add", outcome: added ? "ok" : "refused", target, details: { reason } });
  if (!added) {
    return adminProblem({ type: "/problems/conflict", title: "Already suppressed", status: 409, detail: `${rateNumber} on ${roll} (${titleType}) is already on the list.` });
  }
  return Response.json(added, { status: 201 });
});
