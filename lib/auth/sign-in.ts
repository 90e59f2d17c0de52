import type { Database } from "@/lib/db/client";
import type { Logger } from "@/lib/log";
import { signInEnabled, type AdminSettings } from "./admin-settings";
import { recordAudit } from "./audit-log";
import { sessionLabel } from "./authenticate";
import { verifyPassword } from "./password";
import type { SignInThrottle } from "./sign-in-throttle";
import { pruneSessions, storeSession } from "./session-store";
import { createSessionToken, type Session } from "./session-token";

// One sign-in attempt: throttled per client (counts shared by every instance), checked in constant
// time, written to the audit log; a right password opens a server-side session (admin_sessions).
// A failed attempt's answer is held back (see failureDelayMs) so guessing is slow even before the
// lockout.

export type SignInResult =
  | { kind: "signed-in"; token: string; session: Session; maxAgeSeconds: number }
  | { kind: "wrong-password"; failures: number; lockedOut: boolean; lockoutSeconds: number }
  | { kind: "locked"; retryAfterSeconds: number }
  | { kind: "disabled" };

export type SignInDeps = {
  db: Database;
  settings: AdminSettings;
  throttle: SignInThrottle;
  log: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function attemptSignIn(
  input: { password: string; clientAddress: string; userAgent: string | null },
  deps: SignInDeps,
): Promise<SignInResult> {
  const { db, settings, throttle, log } = deps;
  if (!signInEnabled(settings)) return { kind: "disabled" };
  const where = { clientAddress: input.clientAddress, userAgent: input.userAgent };

  const decision = await throttle.begin(input.clientAddress);
  if (!decision.allowed) {
    log.warn("sign-in refused: client locked out", { clientAddress: input.clientAddress, retryAfterSeconds: decision.retryAfterSeconds });
    return { kind: "locked", retryAfterSeconds: decision.retryAfterSeconds };
  }

  if (await verifyPassword(input.password, settings.password)) {
    await throttle.succeed(input.clientAddress);
    const now = deps.now?.() ?? Date.now();
    const { token, session } = createSessionToken({ sessionSecret: settings.sessionSecret, password: settings.password }, settings.sessionLifetimeMs, now);
    await storeSession(db.pool, { id: session.id, label: session.id.slice(0, 8), expiresAt: new Date(session.expiresAt * 1000), ...where });
    await pruneSessions(db.pool);
    await recordAudit(db, { actor: sessionLabel(session), action: "sign-in", outcome: "ok", ...where }, log);
    return { kind: "signed-in", token, session, maxAgeSeconds: Math.floor(settings.sessionLifetimeMs / 1000) };
  }

  const failure = await throttle.fail(input.clientAddress);
  await recordAudit(
    db,
    { actor: "anonymous", action: "sign-in", outcome: "failed", details: { failures: failure.failures, lockedOut: failure.lockedOut }, ...where },
    log,
  );
  log.warn("sign-in failed", { clientAddress: input.clientAddress, failures: failure.failures, lockedOut: failure.lockedOut });
  await (deps.sleep ?? defaultSleep)(failure.delayMs);
  return { kind: "wrong-password", failures: failure.failures, lockedOut: failure.lockedOut, lockoutSeconds: Math.ceil(settings.lockoutMs / 1000) };
}
