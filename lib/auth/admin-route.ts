import { config } from "@/lib/config";
import { database, type Database } from "@/lib/db/client";
import { log as rootLog, type Logger } from "@/lib/log";
import { adminAnswer } from "./admin-answer";
import { adminProblem } from "./admin-problem";
import { adminSettings } from "./admin-settings";
import { recordAudit, type AuditAction, type AuditOutcome } from "./audit-log";
import type { AdminActor } from "./authenticate";
import { authenticateRequest } from "./authenticate-request";
import { requestOrigin, type RequestOrigin } from "./request-origin";
import { sharedSignInThrottle } from "./shared-throttle";
import { authenticateThrottled } from "./throttled-authentication";

// Wraps every admin route handler: nobody reaches the handler without a valid session (plus a
// same-origin check for writes) or the bearer token. Only a signed session cookie is looked up in
// the database (is the session still alive?); other refusals never touch it. Answers
// are never cached; unexpected errors become a logged 500 without internals (adminAnswer).

export type AdminRequestContext<P> = {
  actor: AdminActor;
  db: Database;
  log: Logger;
  origin: RequestOrigin;
  params: P;
  audit: (entry: { action: AuditAction; outcome?: AuditOutcome; target?: string | null; details?: Record<string, unknown> }) => Promise<void>;
};

type NextContext<P> = { params: Promise<P> };

export function adminRoute<P = Record<string, never>>(
  handler: (request: Request, context: AdminRequestContext<P>) => Promise<Response>,
): (request: Request, context: NextContext<P>) => Promise<Response> {
  return async (request, context) => {
    const origin = requestOrigin(request.headers);
    const log = rootLog.child({ component: "admin", method: request.method, path: new URL(request.url).pathname });
    const settings = adminSettings(config);
    const outcome = await authenticateThrottled(request.headers, () => authenticateRequest(request, settings, database().pool), {
      clientAddress: origin.clientAddress,
      throttle: sharedSignInThrottle(settings),
      audit: (entry) => recordAudit(database(), { actor: "anonymous", ...entry, clientAddress: origin.clientAddress, userAgent: origin.userAgent }, log),
    });
    if (!outcome.ok) {
      const { refusal } = outcome;
      log.warn("admin request refused", { status: refusal.status, reason: refusal.type, clientAddress: origin.clientAddress });
      const headers: HeadersInit =
        refusal.status === 401 ? { "WWW-Authenticate": 'Bearer realm="admin"' } : refusal.status === 429 ? { "Retry-After": String(refusal.retryAfterSeconds) } : {};
      return adminProblem({ ...refusal }, headers);
    }
    const { actor } = outcome;
    return adminAnswer(request, async () => {
      const db = database();
      const params = await context.params;
      return handler(request, {
        actor,
        db,
        log: log.child({ actor: actor.label }),
        origin,
        params,
        audit: (entry) =>
          recordAudit(
            db,
            {
              actor: actor.label,
              action: entry.action,
              outcome: entry.outcome ?? "ok",
              target: entry.target ?? null,
              clientAddress: origin.clientAddress,
              userAgent: origin.userAgent,
              ...(entry.details === undefined ? {} : { details: JSON.parse(JSON.stringify(entry.details)) }),
            },
            log,
          ),
      });
    });
  };
}
