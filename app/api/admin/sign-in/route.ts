import { adminAnswer } from "@/lib/auth/admin-answer";
import { adminProblem } from "@/lib/auth/admin-problem";
import { adminSettings } from "@/lib/auth/admin-settings";
import { recordAudit } from "@/lib/auth/audit-log";
import { ADMIN_OFF, CROSS_SITE } from "@/lib/auth/authenticate";
import { isSameOriginRequest } from "@/lib/auth/origin-check";
import { requestOrigin } from "@/lib/auth/request-origin";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { sharedSignInThrottle } from "@/lib/auth/shared-throttle";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { readSignInRequest, SIGN_IN_BODY_LIMIT, wantsRedirect } from "@/lib/auth/sign-in-request";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { log } from "@/lib/log";

// POST: sign in with the admin password (a form from /admin/sign-in, answered with redirects, or
// JSON {"password"}, answered with JSON). Same-origin only; throttled and locked out per client.

export const dynamic = "force-dynamic";

const UNAUTHORISED = { type: "/problems/wrong-password", title: "Wrong password", status: 401, detail: "The password is wrong." };
const TOO_LARGE = {
  type: "/problems/body-too-large",
  title: "Request body too large",
  status: 413,
  detail: `A sign-in body holds only the password: at most ${SIGN_IN_BODY_LIMIT} bytes.`,
};

function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...headers } });
}

function lockedOut(retryAfterSeconds: number): Response {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return adminProblem(
    {
      type: "/problems/locked-out",
      title: "Too many failed sign-ins",
      status: 429,
      detail: `Too many failed sign-ins from this address; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      retryAfterSeconds,
    },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

// Not adminRoute: this is how a session is got, so no session is asked for; errors as adminRoute renders them.
export async function POST(request: Request): Promise<Response> {
  const settings = adminSettings(config);
  const form = wantsRedirect(request);
  if (!isSameOriginRequest(request.headers, settings.allowedOrigins)) return adminProblem({ ...CROSS_SITE });
  if (settings.password === null || settings.sessionSecret === null) return adminProblem({ ...ADMIN_OFF });
  return adminAnswer(request, async () => {
    const body = await readSignInRequest(request);
    if (body === "too-large") return adminProblem(TOO_LARGE);
    if (!body) return adminProblem({ ...UNAUTHORISED, detail: 'Send the password as a form field or as JSON {"password": "…"}.' });
    const origin = requestOrigin(request.headers);
    const db = database();
    const adminLog = log.child({ component: "admin" });
    const result = await attemptSignIn(
      { password: body.password, clientAddress: origin.clientAddress, userAgent: origin.userAgent },
      { db, settings, throttle: sharedSignInThrottle(settings), log: adminLog },
    );
    if (result.kind === "locked") {
      await recordAudit(
        db,
        { actor: "anonymous", action: "sign-in", outcome: "refused", details: { reason: "locked-out", retryAfterSeconds: result.retryAfterSeconds }, clientAddress: origin.clientAddress, userAgent: origin.userAgent },
        adminLog,
      );
    }
    switch (result.kind) {
      case "signed-in": {
        const cookie = sessionCookie(result.token, { maxAgeSeconds: result.maxAgeSeconds, secure: origin.secureCookie });
        if (form) return redirect("/admin", { "Set-Cookie": cookie });
        return Response.json({ signedIn: true, expiresAt: new Date(result.session.expiresAt * 1000).toISOString() }, { headers: { "Set-Cookie": cookie } });
      }
      case "wrong-password":
        if (form) return redirect(result.lockedOut ? `/admin/sign-in?error=locked&retryAfter=${result.lockoutSeconds}` : "/admin/sign-in?error=wrong-password");
        return result.lockedOut ? lockedOut(result.lockoutSeconds) : adminProblem(UNAUTHORISED);
      case "locked":
        if (form) return redirect(`/admin/sign-in?error=locked&retryAfter=${result.retryAfterSeconds}`);
        return lockedOut(result.retryAfterSeconds);
      case "disabled":
        return adminProblem({ ...ADMIN_OFF });
    }
  });
}
