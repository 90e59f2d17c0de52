import type pg from "pg";

// Failed sign-ins per client: each failure after the second is answered more slowly, and after
// `maxFailures` the client is locked out for `lockoutMs`. An attempt is counted as a failure the
// moment it starts (and forgiven when the password was right), so a burst of parallel guesses
// cannot slip past the limit while the first ones are still being checked.
//
// The counts live in PostgreSQL (sign_in_failures), so every web instance sees the same ones: each
// step is one atomic statement on the client's row.

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How long to hold back the answer to a failed attempt: nothing for the first two, then doubling up to 4 s. */
export function failureDelayMs(failures: number): number {
  return failures <= 2 ? 0 : Math.min(4_000, 250 * 2 ** (failures - 3));
}

// $1 client, $2 max failures, $3 lockout in ms. A lockout that has run out, or failures older than
// the lockout period, start the client afresh; a client at the limit is locked now rather than
// after the attempts still in flight.
const BEGIN = `
  WITH settings AS (SELECT $3::float8 * interval '1 millisecond' AS lockout)
  INSERT INTO sign_in_failures AS f (client_address, failures, last_failure_at, locked_until)
  VALUES ($1, 1, now(), NULL)
  ON CONFLICT (client_address) DO UPDATE SET
    failures = CASE
      WHEN f.locked_until <= now() OR (f.locked_until IS NULL AND f.last_failure_at < now() - (SELECT lockout FROM settings)) THEN 1
      WHEN f.locked_until > now() OR f.failures >= $2 THEN f.failures
      ELSE f.failures + 1 END,
    locked_until = CASE
      WHEN f.locked_until <= now() OR (f.locked_until IS NULL AND f.last_failure_at < now() - (SELECT lockout FROM settings)) THEN NULL
      WHEN f.locked_until > now() THEN f.locked_until
      WHEN f.failures >= $2 THEN now() + (SELECT lockout FROM settings)
      ELSE NULL END,
    last_failure_at = now()
  RETURNING locked_until IS NOT NULL AS locked, ceil(extract(epoch FROM coalesce(locked_until - now(), interval '0')))::int AS retry_after_seconds`;

// The attempt failed: the row (re-created if a success elsewhere removed it) is locked when the
// failures reach the limit.
const FAIL = `
  INSERT INTO sign_in_failures AS f (client_address, failures, last_failure_at, locked_until)
  VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + $3::float8 * interval '1 millisecond' END)
  ON CONFLICT (client_address) DO UPDATE SET
    last_failure_at = now(),
    locked_until = CASE
      WHEN f.failures >= $2 AND (f.locked_until IS NULL OR f.locked_until <= now()) THEN now() + $3::float8 * interval '1 millisecond'
      ELSE f.locked_until END
  RETURNING failures, failures >= $2 AS locked_out`;

/** How often a process deletes rows whose failures have been forgotten. */
const PRUNE_EVERY_MS = 60_000;

export class SignInThrottle {
  private lastPruned = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: { maxFailures: number; lockoutMs: number },
  ) {}

  /** Reserves an attempt for the client, or says how long it must wait. */
  async begin(client: string): Promise<ThrottleDecision> {
    this.prune();
    const { rows } = await this.pool.query<{ locked: boolean; retry_after_seconds: number }>(BEGIN, [client, this.settings.maxFailures, this.settings.lockoutMs]);
    const row = rows[0]!;
    return row.locked ? { allowed: false, retryAfterSeconds: Math.max(1, row.retry_after_seconds) } : { allowed: true };
  }

  /** The attempt failed: returns the failures so far and whether the client is now locked out. */
  async fail(client: string): Promise<{ failures: number; lockedOut: boolean; delayMs: number }> {
    const { rows } = await this.pool.query<{ failures: number; locked_out: boolean }>(FAIL, [client, this.settings.maxFailures, this.settings.lockoutMs]);
    const row = rows[0]!;
    return { failures: row.failures, lockedOut: row.locked_out, delayMs: failureDelayMs(row.failures) };
  }

  async succeed(client: string): Promise<void> {
    await this.pool.query(`DELETE FROM sign_in_failures WHERE client_address = $1`, [client]);
  }

  private prune(): void {
    const now = Date.now();
    if (now - this.lastPruned < PRUNE_EVERY_MS) return;
    this.lastPruned = now;
    this.pool
      .query(
        `DELETE FROM sign_in_failures
          WHERE (locked_until IS NULL OR locked_until <= now()) AND last_failure_at < now() - $1::float8 * interval '1 millisecond'`,
        [this.settings.lockoutMs],
      )
      .catch(() => {});
  }
}
