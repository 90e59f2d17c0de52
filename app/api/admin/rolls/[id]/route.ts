import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { invalidParameters } from "@/lib/api/problem";
import { adminRoute } from "@/lib/auth/admin-route";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { editRollInputSchema } from "@/lib/rolls/roll-input";
import { auditedSave, saveRollAnswer } from "@/lib/rolls/roll-answers";
import { editRoll } from "@/lib/rolls/save-roll";

// PATCH: change some fields of a roll (200), probing its site again when it has a base URL; 404 for
// an unknown roll. The id never changes (rows of every table carry it). Audited.

export const dynamic = "force-dynamic";

export const PATCH = adminRoute<{ id: string }>(async (request, { db, params, actor, audit }) => {
  const id = rollIdSchema.safeParse(params.id);
  if (!id.success) return invalidParameters([{ parameter: "id", message: id.error.issues[0]?.message ?? "is not a roll id" }]).toResponse();
  const body = await parseJsonBody(request, editRollInputSchema);
  if (!body.ok) return body.response;
  const outcome = await editRoll(db, id.data, body.value, actor.label);
  await audit({ action: "roll.edit", target: `roll:${id.data}`, ...auditedSave(outcome, body.value) });
  return saveRollAnswer(outcome, id.data, false);
});
