import type { Database } from "@/lib/db/client";
import type { AuditLog, Prisma } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";

// The admin audit trail: who did what, when and from where. A failed write is logged loudly but
// does not undo or hide the action it describes.

export type AuditAction = "sign-in" | "sign-out" | "scrape-run.start" | "scrape-run.cancel" | "scrape-run.resume" | "site-probe.run";
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
}

export async function recentAudit(db: Database, limit = 50): Promise<AuditLog[]> {
  return db.prisma.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
}
