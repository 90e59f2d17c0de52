import type pg from "pg";

// Every worker (cron role) process beats a row of worker_heartbeats while it runs. The web process
// reads them to tell whether a queued run will be picked up, instead of queuing blindly.

export type WorkerStatus = { running: boolean; workers: number; lastSeenAt: string | null; message: string | null };

export const NO_WORKER_MESSAGE = "No worker is running: the run will start when one does.";

/** A worker whose beat is older than this is taken to be gone (it beats every WORKER_POLL_SECONDS). */
export function workerStaleMs(pollSeconds: number): number {
  return Math.max(15_000, pollSeconds * 4_000);
}

export async function beatWorker(pool: pg.Pool, worker: { id: string; hostname: string }): Promise<void> {
  await pool.query(
    `INSERT INTO worker_heartbeats (id, hostname) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
    [worker.id, worker.hostname],
  );
}

/** A worker stopping cleanly says so at once; rows of workers long gone are deleted. */
export async function endWorker(pool: pg.Pool, workerId: string): Promise<void> {
  await pool.query(`DELETE FROM worker_heartbeats WHERE id = $1 OR seen_at < now() - interval '1 day'`, [workerId]);
}

export async function workerStatus(pool: pg.Pool, staleMs: number): Promise<WorkerStatus> {
  const { rows } = await pool.query<{ workers: number; last_seen_at: Date | null }>(
    `SELECT count(*) FILTER (WHERE seen_at > now() - $1::float8 * interval '1 millisecond')::int AS workers, max(seen_at) AS last_seen_at
       FROM worker_heartbeats`,
    [staleMs],
  );
  const workers = rows[0]?.workers ?? 0;
  return {
    running: workers > 0,
    workers,
    lastSeenAt: rows[0]?.last_seen_at?.toISOString() ?? null,
    message: workers > 0 ? null : NO_WORKER_MESSAGE,
  };
}
