import type { AdminActor } from "./authenticate";
import { hashSessionId, type StoredSession } from "./session-store";

// A session as the admin API and page show it. `id` is the SHA-256 of the session id (what the
// table is keyed by): enough to end it, useless as a cookie.

export type SessionJson = {
  id: string;
  label: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress: string;
  userAgent: string | null;
  current: boolean;
};

export function sessionJson(session: StoredSession, actor: AdminActor): SessionJson {
  return {
    id: session.idHash,
    label: `admin session ${session.label}`,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    clientAddress: session.clientAddress,
    userAgent: session.userAgent,
    current: actor.kind === "session" && hashSessionId(actor.session.id) === session.idHash,
  };
}
