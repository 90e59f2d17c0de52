import { createHash } from "node:crypto";
import type pg from "pg";

// Server-side admin sessions (admin_sessions). The cookie carries a signed random session id; the
// table keys it by its SHA-256, so neither a copy of the table nor of the logs can be replayed. A
// session is valid while it is not revoked, not past its absolute end (ADMIN_SESSION_HOURS) and
// was used within the idle timeout (ADMIN_SESSION_IDLE_MINUTES). Signing out revokes the row, so a
// copied cookie stops working on every instance at once.

export type StoredSession = {
  idHash: string;
  label: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  clientAddress: string;
  userAgent: string | null;
};

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

type Row = {
  id_hash: string;
  label: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  client_address: string;
  user_agent: string | null;
};

const COLUMNS = "id_hash, label, created_at, last_seen_at, expires_at, client_address, user_agent";

function fromRow(row: Row): StoredSession {
  return {
    idHash: row.id_hash,
    label: row.label,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    clientAddress: row.client_address,
    userAgent: row.user_agent,
  };
}

export async function storeSession(
  pool: pg.Pool,
  session: { id: string; label: string; expiresAt: Date; clientAddress: string; userAgent: string | null },
): Promise<void> {
  await pool.query(`INSERT INTO admin_sessions (id_hash, label, expires_at, client_address, user_agent) VALUES ($1, $2, $3, $4, $5)`, [
    hashSessionId(session.id),
    session.label,
    session.expiresAt,
    session.clientAddress,
    session.userAgent?.slice(0, 500) ?? null,
  ]);
}

/** The live session with this id, marked as used now; null when it is unknown, revoked, past its end or idle too long. */
export async function touchSession(pool: pg.Pool, sessionId: string, idleMs: number): Promise<StoredSession | null> {
  const { rows } = await pool.query<Row>(
    `UPDATE admin_sessions SET last_seen_at = now()
      WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - $2::float8 * interval '1 millisecond'
      RETURNING ${COLUMNS}`,
    [hashSessionId(sessionId), idleMs],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Ends a session everywhere; false when it was already over. */
export async function revokeSession(pool: pg.Pool, idHash: string, revokedBy: string): Promise<boolean> {
  const { rowCount } = await pool.query(`UPDATE admin_sessions SET revoked_at = now(), revoked_by = $2 WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > now()`, [
    idHash,
    revokedBy,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Sessions still valid now, most recently used first. */
export async function listActiveSessions(pool: pg.Pool, idleMs: number): Promise<StoredSession[]> {
  const { rows } = await pool.query<Row>(
    `SELECT ${COLUMNS} FROM admin_sessions
      WHERE revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - $1::float8 * interval '1 millisecond'
      ORDER BY last_seen_at DESC LIMIT 100`,
    [idleMs],
  );
  return rows.map(fromRow);
}

/** Deletes sessions that ended more than a week ago (the audit log keeps what happened). */
export async function pruneSessions(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM admin_sessions WHERE greatest(expires_at, coalesce(revoked_at, expires_at), last_seen_at) < now() - interval '7 days'`);
  return rowCount ?? 0;
}
