import { config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import type { AuditLog, Prisma } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";

// The admin audit trail: who did what, when and from where. A failed write is logged loudly but
// does not undo or hide the action it describes. Besides admin actions it records sign-ins refused
// during a lockout, wrong API tokens ("api-token") and refused admin requests that carried a
// credential ("admin-request"); a request with no credential at all is only logged, so anonymous
// probing cannot fill the table. Entries older than AUDIT_LOG_RETENTION_DAYS are deleted by the
// writes themselves, at most once an hour per process.

export type AuditAction =
  | "sign-in"
  | "sign-out"
  | "scrape-run.start"
  | "scrape-run.cancel"
  | "scrape-run.resume"
  | "session.end"
  | "api-token"
  | "admin-request"
  | "owner-suppression.add"
  | "owner-suppression.remove"
  | "site-probe.run"
  | "objection-fact.save"
  | "objection-fact.remove"

  | "roll.add"
  | "roll.edit";
export type AuditOutcome = "ok" | "refused" | "failed";

export type AuditEntry = {
  actor: string;
  action: AuditAction;
  outcome: AuditOutcome;
  target?: string | null;
  clientAddress: string;
  userAgent?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function recordAudit(db: Database, entry: AuditEntry, log: Logger): Promise<void> {
  try {
    await db.prisma.auditLog.create({
      data: {
        actor: entry.actor,
        action: entry.action,
        outcome: entry.outcome,
        target: entry.target ?? null,
        clientAddress: entry.clientAddress,
        userAgent: entry.userAgent?.slice(0, 500) ?? null,
        ...(entry.details === undefined ? {} : { details: entry.details }),
      },
    });
  } catch (error) {
    log.error("could not write the audit log", { entry, error: (error as Error).message });
  }
  const now = Date.now();
  if (now - lastPrunedAt < PRUNE_EVERY_MS) return;
  lastPrunedAt = now;
  await pruneAuditLog(db, config.AUDIT_LOG_RETENTION_DAYS).catch((error: unknown) => log.error("could not prune the audit log", { error: (error as Error).message }));
}

const PRUNE_EVERY_MS = 3_600_000;
let lastPrunedAt = 0;

/** Deletes entries older than `retentionDays`; returns how many. */
export async function pruneAuditLog(db: Database, retentionDays: number): Promise<number> {
  const { rowCount } = await db.pool.query(`DELETE FROM audit_log WHERE at < now() - $1::int * interval '1 day'`, [retentionDays]);
  return rowCount ?? 0;
}

export async function recentAudit(db: Database, limit = 50): Promise<AuditLog[]> {
  return db.prisma.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
}
