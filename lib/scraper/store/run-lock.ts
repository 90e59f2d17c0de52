import type { Pool, PoolClient } from "pg";

// One scrape per roll at a time: a session-level advisory lock held on a connection of its own for
// the whole run. If the process dies, the connection closes and PostgreSQL releases the lock.

export type RunLock = { release: () => Promise<void>; lost: Promise<Error> };

function lockKey(roll: string): string {
  return `durban-valuation-roll-explorer:scrape:${roll}`;
}

export async function tryLockRoll(pool: Pool, roll: string): Promise<RunLock | null> {
  const client: PoolClient = await pool.connect();
  let locked = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [lockKey(roll)]);
    locked = rows[0]?.locked === true;
  } finally {
    if (!locked) client.release();
  }
  if (!locked) return null;
  const lost = new Promise<Error>((resolve) => {
    client.on("error", (error) => resolve(new Error(`lost the database connection that holds the scrape lock: ${error.message}`)));
  });
  return {
    lost,
    // Unlocked before the connection is closed (rather than returned to the pool): closing alone
    // frees the lock only once the server has noticed, so a run started right after could find
    // the roll still locked.
    release: async () => {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [lockKey(roll)]).catch(() => {});
      client.release(true);
    },
  };
}
