import type { AuditAction, AuditOutcome } from "./audit-log";
import type { AdminActor, AuthOutcome, HeaderReader, Refusal } from "./authenticate";
import { SESSION_COOKIE, readCookie } from "./session-cookie";
import type { SignInThrottle } from "./sign-in-throttle";

// Admin authentication with the sign-in throttle in front of bearer tokens: a wrong token counts
// as a failed sign-in of the client (the same counts, delays and lockout as wrong passwords), so a
// token cannot be guessed faster than a password. Wrong tokens, lockouts and refused requests that
// carried a credential go to the audit log.

export type LockedOut = Omit<Refusal, "status"> & { status: 429; retryAfterSeconds: number };
export type ThrottledOutcome = { ok: true; actor: AdminActor } | { ok: false; refusal: Refusal | LockedOut };

export type ThrottledAuthenticationDeps = {
  clientAddress: string;
  throttle: Pick<SignInThrottle, "begin" | "fail" | "succeed">;
  audit: (entry: { action: AuditAction; outcome: AuditOutcome; details: Record<string, string | number | boolean> }) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function lockedOut(retryAfterSeconds: number): LockedOut {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return {
    type: "/problems/locked-out",
    title: "Too many failed sign-ins",
    status: 429,
    detail: `Too many failed sign-ins or wrong tokens from this address; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    retryAfterSeconds,
  };
}

export async function authenticateThrottled(
  headers: HeaderReader,
  authenticate: () => Promise<AuthOutcome>,
  deps: ThrottledAuthenticationDeps,
): Promise<ThrottledOutcome> {
  const { clientAddress, throttle, audit } = deps;
  const bearer = headers.get("authorization") !== null;
  if (bearer) {
    const decision = await throttle.begin(clientAddress);
    if (!decision.allowed) {
      await audit({ action: "api-token", outcome: "refused", details: { reason: "locked-out", retryAfterSeconds: decision.retryAfterSeconds } });
      return { ok: false, refusal: lockedOut(decision.retryAfterSeconds) };
    }
  }
  const outcome = await authenticate();
  if (bearer && outcome.ok) {
    await throttle.succeed(clientAddress);
  } else if (bearer && !outcome.ok) {
    const failure = await throttle.fail(clientAddress);
    await audit({ action: "api-token", outcome: "failed", details: { failures: failure.failures, lockedOut: failure.lockedOut } });
    await (deps.sleep ?? defaultSleep)(failure.delayMs);
  } else if (!outcome.ok && readCookie(headers.get("cookie"), SESSION_COOKIE) !== null) {
    await audit({ action: "admin-request", outcome: "refused", details: { reason: outcome.refusal.type } });
  }
  return outcome;
}
