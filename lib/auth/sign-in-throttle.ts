// Failed sign-ins per client: each failure after the second is answered more slowly, and after
// `maxFailures` the client is locked out for `lockoutMs`. An attempt is counted as a failure the
// moment it starts (and forgiven when the password was right), so a burst of parallel guesses
// cannot slip past the limit while the first ones are still being checked.
//
// The state lives in this process: with several web instances, each keeps its own count.

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };
type Entry = { failures: number; lastFailureAt: number; lockedUntil: number };

const MAX_TRACKED_CLIENTS = 10_000;

/** How long to hold back the answer to a failed attempt: nothing for the first two, then doubling up to 4 s. */
export function failureDelayMs(failures: number): number {
  return failures <= 2 ? 0 : Math.min(4_000, 250 * 2 ** (failures - 3));
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly settings: { maxFailures: number; lockoutMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves an attempt for the client, or says how long it must wait. */
  begin(client: string): ThrottleDecision {
    const now = this.now();
    this.forgetStale(now);
    const known = this.entries.get(client);
    // A lockout that has run out starts the client afresh.
    const entry = known && (known.lockedUntil === 0 || known.lockedUntil > now) ? known : { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    if (entry.lockedUntil > now) return { allowed: false, retryAfterSeconds: Math.ceil((entry.lockedUntil - now) / 1000) };
    if (entry.failures >= this.settings.maxFailures) {
      // Attempts still in flight have used up the allowance: lock now rather than wait for them.
      entry.lockedUntil = now + this.settings.lockoutMs;
      this.entries.set(client, entry);
      return { allowed: false, retryAfterSeconds: Math.ceil(this.settings.lockoutMs / 1000) };
    }
    entry.failures += 1;
    entry.lastFailureAt = now;
    this.entries.set(client, entry);
    return { allowed: true };
  }

  /** The attempt failed: returns the failures so far and whether the client is now locked out. */
  fail(client: string): { failures: number; lockedOut: boolean; delayMs: number } {
    const now = this.now();
    const entry = this.entries.get(client) ?? { failures: 1, lastFailureAt: now, lockedUntil: 0 };
    entry.lastFailureAt = now;
    const lockedOut = entry.failures >= this.settings.maxFailures;
    if (lockedOut && entry.lockedUntil <= now) entry.lockedUntil = now + this.settings.lockoutMs;
    this.entries.set(client, entry);
    return { failures: entry.failures, lockedOut, delayMs: failureDelayMs(entry.failures) };
  }

  succeed(client: string): void {
    this.entries.delete(client);
  }

  private forgetStale(now: number): void {
    for (const [client, entry] of this.entries) {
      if (entry.lockedUntil <= now && now - entry.lastFailureAt > this.settings.lockoutMs) this.entries.delete(client);
    }
    // A flood from ever-new addresses must not grow the map without bound: drop the oldest.
    while (this.entries.size >= MAX_TRACKED_CLIENTS) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
