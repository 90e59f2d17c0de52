import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { constantTimeEqual } from "./constant-time-equal";

// The admin session is a signed token in a cookie: base64url(JSON payload) "." base64url(HMAC).
// The signing key is derived from SESSION_SECRET and the configured password, so changing either
// signs every browser out. The id is random (256 bits) and names a row of admin_sessions
// (session-store.ts), which decides whether the session is still alive: the token's own expiry only
// bounds what a forged-but-signed token could claim.

export type Session = { id: string; issuedAt: number; expiresAt: number };

const payloadSchema = z.strictObject({
  v: z.literal(1),
  sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  iat: z.int().nonnegative(),
  exp: z.int().positive(),
});

// A clock running ahead on another instance must not make a fresh token look forged.
const CLOCK_SKEW_MS = 60_000;

export type SessionKeyMaterial = { sessionSecret: string; password: string };

function signingKey(material: SessionKeyMaterial): Buffer {
  return createHmac("sha256", material.sessionSecret).update(`admin-session:v1:${material.password}`).digest();
}

function sign(payload: string, material: SessionKeyMaterial): string {
  return createHmac("sha256", signingKey(material)).update(payload).digest("base64url");
}

export function createSessionToken(material: SessionKeyMaterial, lifetimeMs: number, now = Date.now()): { token: string; session: Session } {
  const session: Session = { id: randomBytes(32).toString("base64url"), issuedAt: Math.floor(now / 1000), expiresAt: Math.floor((now + lifetimeMs) / 1000) };
  const payload = Buffer.from(JSON.stringify({ v: 1, sid: session.id, iat: session.issuedAt, exp: session.expiresAt })).toString("base64url");
  return { token: `${payload}.${sign(payload, material)}`, session };
}

/** The session a token stands for, or null when it is malformed, forged or expired. */
export function readSessionToken(token: string, material: SessionKeyMaterial, now = Date.now()): Session | null {
  if (token.length > 512) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!constantTimeEqual(signature, sign(payload, material))) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return null;
  const { sid, iat, exp } = parsed.data;
  if (exp * 1000 <= now || iat * 1000 > now + CLOCK_SKEW_MS) return null;
  return { id: sid, issuedAt: iat, expiresAt: exp };
}
