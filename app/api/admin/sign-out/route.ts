import { adminRoute } from "@/lib/auth/admin-route";
import { clearedSessionCookie } from "@/lib/auth/session-cookie";
import { hashSessionId, revokeSession } from "@/lib/auth/session-store";
import { wantsRedirect } from "@/lib/auth/sign-in-request";

// POST: sign out: the session is revoked in the database (a copy of the cookie stops working on
// every instance) and the cookie cleared. A form from the admin pages is sent back to the sign-in page.

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (request, { db, actor, origin, audit }) => {
  if (actor.kind === "session") await revokeSession(db.pool, hashSessionId(actor.session.id), actor.label);
  await audit({ action: "sign-out" });
  const cookie = clearedSessionCookie({ secure: origin.secureCookie });
  if (wantsRedirect(request)) return new Response(null, { status: 303, headers: { Location: "/admin/sign-in", "Set-Cookie": cookie } });
  return new Response(null, { status: 204, headers: { "Set-Cookie": cookie } });
});
