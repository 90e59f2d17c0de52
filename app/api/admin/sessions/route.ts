import { adminSettings } from "@/lib/auth/admin-settings";
import { adminRoute } from "@/lib/auth/admin-route";
import { sessionJson } from "@/lib/auth/session-json";
import { listActiveSessions } from "@/lib/auth/session-store";
import { config } from "@/lib/config";

// GET: the admin sessions still alive (signed in, not signed out, not idle or past their time limit).

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_request, { db, actor }) => {
  const sessions = await listActiveSessions(db.pool, adminSettings(config).sessionIdleMs);
  return Response.json({ data: sessions.map((session) => sessionJson(session, actor)) });
});
