import type { Pool, PoolClient } from "pg";

/**
 * Runs `work` on one connection inside a transaction without JIT (compiling a plan costs more than
 * running any statement of a task): committed when it returns, rolled back when it throws. A
 * connection that could not even roll back is discarded, not returned to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN; SET LOCAL jit = off");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
