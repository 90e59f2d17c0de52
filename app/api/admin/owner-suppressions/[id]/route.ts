import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { invalidParameters } from "@/lib/api/problem";
import { adminProblem } from "@/lib/auth/admin-problem";
import { adminRoute } from "@/lib/auth/admin-route";
import { removeSuppression } from "@/lib/owners/owner-suppressions";
import { removeSuppressionInputSchema, suppressionIdSchema } from "@/lib/owners/suppression-input";

// DELETE (with a JSON body giving the reason): take a property off the suppression list, so its
// owners show again where the deployment shows them. Audited.

export const dynamic = "force-dynamic";

export const DELETE = adminRoute<{ id: string }>(async (request, { db, params, audit }) => {
  const id = suppressionIdSchema.safeParse(params.id);
  if (!id.success) return invalidParameters([{ parameter: "id", message: "must be a positive whole number" }]).toResponse();
  const body = await parseJsonBody(request, removeSuppressionInputSchema);
  if (!body.ok) return body.response;
  const removed = await removeSuppression(db, id.data);
  if (!removed) {
    return adminProblem({ type: "/problems/not-found", title: "Not found", status: 404, detail: `No suppression-list entry ${id.data}.` });
  }
  await audit({
    action: "owner-suppression.remove",
    target: `property:${removed.roll}/${removed.titleType}/${removed.rateNumber}`,
    details: { reason: body.value.reason, entry: removed.id },
  });
  return Response.json(removed);
});
