import type { Database } from "@/lib/db/client";
import type { Prisma, ScrapeRun } from "@/lib/generated/prisma/client";
import type { ScrapeOptions } from "@/lib/scraper/scrape-options";
import { STALE_HEARTBEAT_MS } from "@/lib/scraper/store/runs";

// The queue of admin runs is scrape_runs itself: a run asked for from the admin area is a row in
// state "queued" (a resumed run goes back to "queued" with its tasks); a worker claims the oldest
// with FOR UPDATE SKIP LOCKED and runs it with the scraper's own resume. One transaction-scoped
// advisory lock per roll makes "is anything queued or running?" and the insert one step, so two
// clicks cannot queue two runs of a roll.

/** A claim on a run still queued after this long is a worker that died before starting it. */
export const CLAIM_EXPIRES_MS = 60_000;

export type Busy = { kind: "busy"; message: string; running: ScrapeRun };
type Tx = Prisma.TransactionClient;

async function lockRollQueue(tx: Tx, roll: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`dvre-run-queue:${roll}`}))::text`;
}

/** A queued run, or a running one whose process is alive, of the roll (other than `except`). */
async function activeRun(tx: Tx, roll: string, except?: number): Promise<ScrapeRun | null> {
  return tx.scrapeRun.findFirst({
    where: {
      roll,
      ...(except === undefined ? {} : { id: { not: except } }),
      OR: [{ status: "queued" }, { status: "running", heartbeatAt: { gt: new Date(Date.now() - STALE_HEARTBEAT_MS) } }],
    },
    orderBy: { id: "desc" },
  });
}

function busy(run: ScrapeRun): Busy {
  const what = run.status === "queued" ? "is queued" : "is running";
  return { kind: "busy", message: `another scrape of ${run.roll} ${what} (run #${run.id}, started ${run.startedAt.toISOString()} by ${run.trigger})`, running: run };
}

export async function enqueueRun(db: Database, options: ScrapeOptions): Promise<{ kind: "queued"; run: ScrapeRun } | Busy> {
  const { dryRun: _dryRun, ...stored } = options;
  return db.prisma.$transaction(async (tx) => {
    await lockRollQueue(tx, options.roll);
    const active = await activeRun(tx, options.roll);
    if (active) return busy(active);
    const run = await tx.scrapeRun.create({
      data: {
        roll: options.roll,
        trigger: options.trigger,
        triggeredBy: options.triggeredBy ?? null,
        status: "queued",
        queuedAt: new Date(),
        baseUrl: options.baseUrl,
        options: stored as Prisma.InputJsonValue,
        wholeRoll: options.suburbIds === undefined,
      },
    });
    return { kind: "queued" as const, run };
  });
}

/** Puts an interrupted, failed or cancelled run back in the queue; the worker resumes it from its unfinished tasks. */
export async function requeueRun(db: Database, run: ScrapeRun): Promise<{ kind: "queued"; run: ScrapeRun } | Busy> {
  return db.prisma.$transaction(async (tx) => {
    await lockRollQueue(tx, run.roll);
    const active = await activeRun(tx, run.roll, run.id);
    if (active) return busy(active);
    const queued = await tx.scrapeRun.update({
      where: { id: run.id },
      data: { status: "queued", queuedAt: new Date(), claimedAt: null, claimedBy: null, cancelRequestedAt: null, finishedAt: null, error: null },
    });
    return { kind: "queued" as const, run: queued };
  });
}

/** Cancels a run nobody has started yet; null when it is no longer queued. */
export async function cancelQueuedRun(db: Database, id: number): Promise<ScrapeRun | null> {
  const { count } = await db.prisma.scrapeRun.updateMany({
    where: { id, status: "queued" },
    data: { status: "cancelled", finishedAt: new Date(), cancelRequestedAt: new Date(), claimedAt: null, claimedBy: null, error: "cancelled by an admin before it started" },
  });
  return count === 1 ? db.prisma.scrapeRun.findUnique({ where: { id } }) : null;
}

/** The oldest queued run nobody holds, now claimed by `workerId`; null when the queue is empty. */
export async function claimQueuedRun(db: Database, workerId: string): Promise<{ id: number; roll: string } | null> {
  const { rows } = await db.pool.query<{ id: number; roll: string }>(
    `UPDATE scrape_runs SET claimed_at = now(), claimed_by = $1, claim_tasks_done = tasks_done, claim_rows_seen = rows_seen
      WHERE id = (
        SELECT id FROM scrape_runs
         WHERE status = 'queued' AND (claimed_at IS NULL OR claimed_at < now() - $2::float8 * interval '1 millisecond')
         ORDER BY queued_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1)
      RETURNING id, roll`,
    [workerId, CLAIM_EXPIRES_MS],
  );
  return rows[0] ?? null;
}

/** Gives a claimed run back to the queue (its roll was busy with another scrape). */
export async function releaseClaim(db: Database, id: number, workerId: string): Promise<void> {
  await db.pool.query(`UPDATE scrape_runs SET claimed_at = NULL, claimed_by = NULL WHERE id = $1 AND claimed_by = $2 AND status = 'queued'`, [id, workerId]);
}

/** A run this worker stopped because the worker itself was stopping goes back to the queue for the next worker. */
export async function requeueStoppedRun(db: Database, id: number, workerId: string): Promise<boolean> {
  const { rowCount } = await db.pool.query(
    `UPDATE scrape_runs SET status = 'queued', queued_at = now(), claimed_at = NULL, claimed_by = NULL, finished_at = NULL, error = NULL
      WHERE id = $1 AND claimed_by = $2 AND status IN ('cancelled', 'failed') AND cancel_requested_at IS NULL`,
    [id, workerId],
  );
  return (rowCount ?? 0) > 0;
}
