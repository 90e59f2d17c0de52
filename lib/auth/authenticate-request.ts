import type pg from "pg";
import type { AdminSettings } from "./admin-settings";
import { authenticate, type AuthOutcome, type HeaderReader, type Refusal } from "./authenticate";
import { touchSession } from "./session-store";

// authenticate() checks the credentials a request carries; a session cookie must also name a live
// row of admin_sessions (not signed out, not past its end, not idle too long). Checking it marks
// the session as used.

export const SESSION_ENDED: Refusal = {
  status: 401,
  type: "/problems/unauthenticated",
  title: "Session ended",
  detail: "This session has ended (signed out, idle too long, or past its time limit). Sign in again at /admin/sign-in.",
};

export async function authenticateRequest(request: { method: string; headers: HeaderReader }, settings: AdminSettings, pool: pg.Pool): Promise<AuthOutcome> {
  const outcome = authenticate(request, settings);
  if (!outcome.ok || outcome.actor.kind !== "session") return outcome;
  const stored = await touchSession(pool, outcome.actor.session.id, settings.sessionIdleMs);
  return stored ? outcome : { ok: false, refusal: SESSION_ENDED };
}
