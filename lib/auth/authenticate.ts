import type { AdminSettings } from "./admin-settings";
import { constantTimeEqual } from "./constant-time-equal";
import { isSameOriginRequest } from "./origin-check";
import { SESSION_COOKIE, readCookie } from "./session-cookie";
import { readSessionToken, type Session } from "./session-token";

export type HeaderReader = { get(name: string): string | null };

// Who is making an admin request: a signed-in browser (session cookie) or a script (bearer token).
// An Authorization header, when present, is the only credential looked at: a wrong token is a 401
// even if a valid cookie came along.

export type AdminActor = { kind: "session"; session: Session; label: string } | { kind: "token"; label: string };

export type Refusal = { status: 401 | 403; type: string; title: string; detail: string };
export type AuthOutcome = { ok: true; actor: AdminActor } | { ok: false; refusal: Refusal };

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const ADMIN_OFF: Refusal = {
  status: 403,
  type: "/problems/admin-disabled",
  title: "Admin area is off",
  detail: "The admin area is off: set ADMIN_PASSWORD and SESSION_SECRET (browser sign-in) or ADMIN_TOKEN (API) and restart the app.",
};
const UNAUTHENTICATED: Refusal = {
  status: 401,
  type: "/problems/unauthenticated",
  title: "Sign-in required",
  detail: "Sign in at /admin/sign-in, or send Authorization: Bearer <ADMIN_TOKEN>.",
};
const BAD_TOKEN: Refusal = { status: 401, type: "/problems/unauthenticated", title: "Invalid token", detail: "The bearer token is not valid." };
export const CROSS_SITE: Refusal = {
  status: 403,
  type: "/problems/cross-site-request",
  title: "Cross-site request refused",
  detail: "State-changing admin requests must come from this site's own pages (the Origin header did not match).",
};

export function sessionLabel(session: Session): string {
  return `admin session ${session.id.slice(0, 8)}`;
}

export function authenticate(request: { method: string; headers: HeaderReader }, settings: AdminSettings, now = Date.now()): AuthOutcome {
  if (settings.token === null && (settings.password === null || settings.sessionSecret === null)) return { ok: false, refusal: ADMIN_OFF };

  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (settings.token === null || !match?.[1] || !constantTimeEqual(match[1], settings.token)) return { ok: false, refusal: BAD_TOKEN };
    return { ok: true, actor: { kind: "token", label: "api token" } };
  }

  if (settings.password === null || settings.sessionSecret === null) return { ok: false, refusal: UNAUTHENTICATED };
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  const session = token ? readSessionToken(token, { sessionSecret: settings.sessionSecret, password: settings.password }, now) : null;
  if (!session) return { ok: false, refusal: UNAUTHENTICATED };
  if (STATE_CHANGING.has(request.method.toUpperCase()) && !isSameOriginRequest(request.headers, settings.allowedOrigins)) {
    return { ok: false, refusal: CROSS_SITE };
  }
  return { ok: true, actor: { kind: "session", session, label: sessionLabel(session) } };
}
