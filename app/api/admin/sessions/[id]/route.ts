import { invalidParameters, notFound } from "@/lib/api/problem";
import { adminRoute } from "@/lib/auth/admin-route";
import { revokeSession } from "@/lib/auth/session-store";

// DELETE: end one admin session everywhere (its browser is signed out at its next request). Audited.

export const dynamic = "force-dynamic";

export const DELETE = adminRoute<{ id: string }>(async (_request, { db, actor, params, audit }) => {
  if (!/^[0-9a-f]{64}$/.test(params.id)) return invalidParameters([{ parameter: "id", message: "must be a session id from GET /api/admin/sessions" }]).toResponse();
  const ended = await revokeSession(db.pool, params.id, actor.label);
  await audit({ action: "session.end", outcome: ended ? "ok" : "refused", target: `admin-session:${params.id.slice(0, 12)}` });
  if (!ended) return notFound("There is no live session with this id.").toResponse();
  return new Response(null, { status: 204 });
});
