// One breaker for a whole run: it tells a site that is down (its database drops out for minutes or
// hours) from one page that fails. After `failureThreshold` failed requests in a row (5xx, network
// errors, timeouts) it opens: no request goes out, and the run waits `backoffMs`, doubling to
// `maxBackoffMs`, then sends one probe. A probe that succeeds closes it and everyone carries on; one
// that fails pauses again, until the outage has lasted `patienceMs`, when waiting ends in a
// SiteDownError (the run fails and can be resumed).

export type BreakerSettings = {
  failureThreshold: number;
  backoffMs: number;
  maxBackoffMs: number;
  patienceMs: number;
};

export type PauseEvent = {
  /** When the probe goes out. */
  until: Date;
  pauseMs: number;
  /** When the site stopped answering. */
  downSince: Date;
  lastError: string;
};

export type ResumeEvent = { downMs: number };

export type BreakerOptions = BreakerSettings & {
  /** One request that proves the site answers: resolves null when it did, else what went wrong. Never throws. */
  probe: () => Promise<string | null>;
  signal?: AbortSignal;
  onPause?: (event: PauseEvent) => void;
  /** Each pause, with the time it took (the pause and its probe); for the run's paused time. */
  onPaused?: (ms: number) => void;
  onResume?: (event: ResumeEvent) => void;
};

export class SiteDownError extends Error {
  override name = "SiteDownError";
}

// Requests are numbered as they are sent, so that an answer is weighed by when it was asked for:
// a slow page sent before an outage that answers during it proves nothing about the site now.
export type CircuitBreaker = {
  /** The number of a request about to be sent. */
  nextRequest: () => number;
  /** The number of the last request sent so far. */
  readonly lastRequest: number;
  recordSuccess: (request: number) => void;
  recordFailure: (reason: string, request: number) => void;
  /** Whether a request sent after `request` has been answered. */
  answeredSince: (request: number) => boolean;
  readonly isOpen: boolean;
  readonly pausedUntil: Date | null;
  /** Resolves at once while closed; while open, when the site answers again. */
  whenClosed: () => Promise<void>;
  /** Sends the probe now (one at a time, shared) and records its outcome. */
  probeNow: () => Promise<boolean>;
};

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

export function createCircuitBreaker(options: BreakerOptions): CircuitBreaker {
  let consecutiveFailures = 0;
  let requests = 0;
  let lastAnswered = 0;
  let lastFailed = 0;
  let lastError = "";
  let outage: Promise<void> | null = null;
  let givenUp: Error | null = null;
  let pausedUntil: Date | null = null;
  let probing: Promise<boolean> | null = null;

  const recordFailure = (reason: string, request: number) => {
    if (outage || givenUp) return;
    lastError = reason;
    lastFailed = Math.max(lastFailed, request);
    consecutiveFailures += 1;
    if (consecutiveFailures >= options.failureThreshold) open();
  };
  const recordSuccess = (request: number) => {
    if (outage) return; // only the probe ends an outage
    lastAnswered = Math.max(lastAnswered, request);
    // An answer to a request older than the latest failure does not say the site is well now.
    if (request >= lastFailed) consecutiveFailures = 0;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", aborted);
        resolve();
      };
      const aborted = () => {
        clearTimeout(timer);
        reject(options.signal!.reason);
      };
      const timer = setTimeout(done, ms);
      options.signal?.addEventListener("abort", aborted, { once: true });
    });

  const rideOut = async () => {
    const downSince = Date.now();
    // Failures in a row may all be pages that fail on their own (a broken link, a query the site
    // cannot answer): one probe at once tells that from an outage before anyone waits.
    const first = ++requests;
    const problem = await options.probe();
    if (problem === null) {
      consecutiveFailures = 0;
      lastAnswered = Math.max(lastAnswered, first);
      return;
    }
    lastError = problem;
    let backoff = options.backoffMs;
    for (;;) {
      const left = downSince + options.patienceMs - Date.now();
      const pauseMs = Math.max(0, Math.min(backoff, left));
      const started = Date.now();
      pausedUntil = new Date(started + pauseMs);
      options.onPause?.({ until: pausedUntil, pauseMs, downSince: new Date(downSince), lastError });
      await sleep(pauseMs);
      const probe = ++requests;
      const problem = await options.probe();
      options.onPaused?.(Date.now() - started);
      if (problem === null) {
        pausedUntil = null;
        consecutiveFailures = 0;
        lastAnswered = Math.max(lastAnswered, probe);
        options.onResume?.({ downMs: Date.now() - downSince });
        return;
      }
      lastError = problem;
      if (Date.now() - downSince >= options.patienceMs) {
        pausedUntil = null;
        throw new SiteDownError(
          `the site has not answered since ${new Date(downSince).toISOString()} (${minutes(Date.now() - downSince)}; the patience is ${minutes(options.patienceMs)}); last error: ${lastError}`,
        );
      }
      backoff = Math.min(backoff * 2, options.maxBackoffMs);
    }
  };

  const open = () => {
    outage = rideOut().then(
      () => {
        outage = null;
      },
      (error: Error) => {
        givenUp = error;
        outage = null;
        throw error;
      },
    );
    // Waiters get the rejection; this keeps an outage nobody waits on from being "unhandled".
    outage.catch(() => {});
  };

  return {
    nextRequest: () => ++requests,
    get lastRequest() {
      return requests;
    },
    recordSuccess,
    recordFailure,
    answeredSince: (request) => lastAnswered > request,
    get isOpen() {
      return outage !== null || givenUp !== null;
    },
    get pausedUntil() {
      return pausedUntil;
    },
    whenClosed: async () => {
      if (givenUp) throw givenUp;
      if (outage) await outage;
    },
    probeNow: () => {
      const probe = ++requests;
      probing ??= options.probe().then((problem) => {
        probing = null;
        if (problem === null) recordSuccess(probe);
        else recordFailure(problem, probe);
        return problem === null;
      });
      return probing;
    },
  };
}
