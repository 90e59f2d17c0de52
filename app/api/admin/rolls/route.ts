import { parseJsonBody } from "@/lib/admin/parse-json-body";
import { adminRoute } from "@/lib/auth/admin-route";
import { addRollInputSchema } from "@/lib/rolls/roll-input";
import { auditedSave, saveRollAnswer } from "@/lib/rolls/roll-answers";
import { forgetRollRegistry, rollRegistry } from "@/lib/rolls/roll-registry";
import { addRoll } from "@/lib/rolls/save-roll";

// GET: the roll registry, newest first, with the default roll. POST: add a roll (201), probing its
// site when it has a base URL (the verdict is stored and answered, with a warning when the site is
// down: the roll is saved all the same); 409 when the id is taken. Audited.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_request, { db }) => {
  forgetRollRegistry(db);
  const { rolls, defaultRoll } = await rollRegistry(db);
  return Response.json({ data: rolls, defaultRoll });
});

export const POST = adminRoute(async (request, { db, actor, audit }) => {
  const body = await parseJsonBody(request, addRollInputSchema);
  if (!body.ok) return body.response;
  const outcome = await addRoll(db, body.value, actor.label);
  await audit({ action: "roll.add", target: `roll:${body.value.id}`, ...auditedSave(outcome, body.value) });
  return saveRollAnswer(outcome, body.value.id, true);
});
