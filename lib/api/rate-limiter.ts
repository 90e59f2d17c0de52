// A token bucket per client: `capacity` tokens, refilled continuously at capacity per minute.
// A request takes `cost` tokens (an export takes more than a page). In memory, per process:
// behind several web instances each enforces its own share.

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until this request would be allowed (0 when it is). */
  retryAfterSeconds: number;
};

type Bucket = { tokens: number; updatedAt: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly capacity: number,
    private readonly options: { maxClients?: number; now?: () => number } = {},
  ) {
    this.perMs = capacity / 60_000;
  }

  take(client: string, requestedCost = 1): RateLimitDecision {
    const now = this.options.now?.() ?? Date.now();
    const cost = Math.min(Math.max(requestedCost, 0), this.capacity);
    const bucket = this.refilled(client, now);
    const allowed = bucket.tokens >= cost;
    if (allowed) bucket.tokens -= cost;
    // Re-inserting keeps the Map in least-recently-used order for pruning.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    this.prune(now);
    return {
      allowed,
      limit: this.capacity,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((this.capacity - bucket.tokens) / this.perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000)),
    };
  }

  private refilled(client: string, now: number): Bucket {
    const bucket = this.buckets.get(client);
    if (!bucket) return { tokens: this.capacity, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return { tokens: Math.min(this.capacity, bucket.tokens + elapsed * this.perMs), updatedAt: now };
  }

  private prune(now: number): void {
    const maxClients = this.options.maxClients ?? 50_000;
    if (this.buckets.size <= maxClients) return;
    // Full buckets carry no information: drop them first, then the least recently used.
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.capacity) this.buckets.delete(client);
    }
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= maxClients) break;
      this.buckets.delete(client);
    }
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
