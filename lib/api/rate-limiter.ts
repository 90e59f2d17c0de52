import type pg from "pg";

// A token bucket per client: `capacity` tokens, refilled continuously at capacity per minute. A
// request takes `cost` tokens (an export takes more than a page). The buckets live in PostgreSQL
// (rate_limit_buckets, an unlogged table), so every web instance draws on the same one: one
// INSERT … ON CONFLICT DO UPDATE refills, takes and reports in a single atomic statement.

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until this request would be allowed (0 when it is). */
  retryAfterSeconds: number;
};

// $1 key, $2 capacity, $3 cost, $4 tokens per millisecond. REFILLED is the level before this take
// (ON CONFLICT DO UPDATE cannot join, so it is written out in each SET); a refused take leaves it
// there and says so in `allowed`.
const REFILLED = `least($2::float8, b.tokens + greatest(0, extract(epoch FROM now() - b.updated_at) * 1000) * $4::float8)`;
const TAKE_SQL = `
  INSERT INTO rate_limit_buckets AS b (key, tokens, updated_at, allowed)
  VALUES ($1, $2::float8 - $3::float8, now(), true)
  ON CONFLICT (key) DO UPDATE SET
    tokens = CASE WHEN ${REFILLED} >= $3::float8 THEN ${REFILLED} - $3::float8 ELSE ${REFILLED} END,
    allowed = ${REFILLED} >= $3::float8,
    updated_at = greatest(b.updated_at, now())
  RETURNING tokens, allowed`;

/** How often a process deletes buckets untouched for two minutes (full again, so they carry nothing). */
const PRUNE_EVERY_MS = 60_000;

export class RateLimiter {
  private readonly perMs: number;
  private lastPruned = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly capacity: number,
    private readonly options: { scope?: string; onError?: (error: Error) => void } = {},
  ) {
    this.perMs = capacity / 60_000;
  }

  /**
   * Takes `requestedCost` tokens from the client's bucket. When the database cannot answer, the
   * request is let through (it needs the database anyway, and will report the failure itself).
   */
  async take(client: string, requestedCost = 1): Promise<RateLimitDecision> {
    const cost = Math.min(Math.max(requestedCost, 0), this.capacity);
    const key = `${this.options.scope ?? "api"}:${client}`.slice(0, 200);
    let row: { tokens: number; allowed: boolean };
    try {
      const { rows } = await this.pool.query<{ tokens: number; allowed: boolean }>(TAKE_SQL, [key, this.capacity, cost, this.perMs]);
      row = rows[0]!;
      this.prune();
    } catch (error) {
      this.options.onError?.(error as Error);
      return { allowed: true, limit: this.capacity, remaining: this.capacity, resetSeconds: 0, retryAfterSeconds: 0 };
    }
    const tokens = Math.max(0, row.tokens);
    return {
      allowed: row.allowed,
      limit: this.capacity,
      remaining: Math.floor(tokens),
      resetSeconds: Math.ceil((this.capacity - tokens) / this.perMs / 1000),
      retryAfterSeconds: row.allowed ? 0 : Math.max(1, Math.ceil((cost - tokens) / this.perMs / 1000)),
    };
  }

  /** Deletes buckets that have refilled completely, at most once a minute per process. */
  private prune(): void {
    const now = Date.now();
    if (now - this.lastPruned < PRUNE_EVERY_MS) return;
    this.lastPruned = now;
    this.pool
      .query(`DELETE FROM rate_limit_buckets WHERE updated_at < now() - interval '2 minutes'`)
      .catch((error: Error) => this.options.onError?.(error));
  }
}

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.retryAfterSeconds);
  return headers;
}
