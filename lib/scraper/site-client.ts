import ky, { HTTPError, TimeoutError, type KyInstance } from "ky";
import { createCircuitBreaker, type BreakerSettings, type PauseEvent, type ResumeEvent } from "./circuit-breaker";
import { BodyStalledError, readBody } from "./read-body";
import { RedirectRefusedError, redirectTarget } from "./same-host-redirect";

// The one way the scraper talks to the site: polite (bounded concurrency, jittered delay between
// requests), patient (a long wait for the first byte, a shorter one for a stalled body, a few quick
// retries for a hiccup, and a circuit breaker shared by the whole run for an outage), and honest
// about who it is (User-Agent). A page fails only when the site answers other pages and that page
// still fails: failures while the whole site is down wait for it instead.

export type SiteClientOptions = {
  baseUrl: string;
  concurrency: number;
  delayMs: number;
  /** Results pages are built whole before the first byte; the site's own database gives up at ~30 s. */
  firstByteTimeoutMs: number;
  /** No bytes for this long in the middle of a body: the answer has stalled. */
  stallTimeoutMs: number;
  maxResponseBytes: number;
  /** Quick retries of one request (a hiccup); an outage is the breaker's. */
  retries: number;
  breaker: BreakerSettings;
  userAgent: string;
  /** The page a probe asks for while the site is down (a cheap one that reads the database). */
  probePath: string;
  signal?: AbortSignal;
  onRetry?: (event: { url: string; attempt: number; reason: string }) => void;
  onPause?: (event: PauseEvent) => void;
  onPaused?: (ms: number) => void;
  onResume?: (event: ResumeEvent) => void;
};

export type SiteClient = {
  get: (path: string) => Promise<string>;
  /** HTTP requests sent, retries and probes included. */
  readonly requests: number;
  /** While the site is down: when the next probe goes out. */
  readonly pausedUntil: Date | null;
};

export class SiteError extends Error {
  override name = "SiteError";
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
    /** "body": the answer started and was cut off, which the HTTP retries never see. */
    readonly phase: "request" | "body" = "request",
  ) {
    super(message);
  }
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const MAX_REDIRECTS = 5;

/** A certificate Node does not trust: waiting will not fix it, configuration will. */
function certificateProblem(error: unknown): string | null {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) ? code : null;
}

/** A failure that says the site (not this page) may be in trouble: the breaker counts it. */
function isSiteFailure(error: unknown): boolean {
  if (error instanceof HTTPError) return error.response.status >= 500 || error.response.status === 408;
  if (certificateProblem(error)) return false;
  return error instanceof TimeoutError || error instanceof BodyStalledError || error instanceof TypeError;
}

type Round = { ok: true; text: string } | { ok: false; error: SiteError; siteFailure: boolean };

export function createSiteClient(options: SiteClientOptions): SiteClient {
  let requests = 0;
  const http: KyInstance = ky.create({
    timeout: options.firstByteTimeoutMs,
    headers: { "user-agent": options.userAgent, accept: "text/html" },
    signal: options.signal,
    redirect: "manual",
    throwHttpErrors: (status) => status < 300 || status >= 400,
    hooks: {
      beforeRequest: [
        () => {
          requests += 1;
        },
      ],
    },
  });
  const limits = { stallMs: options.stallTimeoutMs, maxBytes: options.maxResponseBytes };

  const breaker = createCircuitBreaker({
    ...options.breaker,
    signal: options.signal,
    onPause: options.onPause,
    onPaused: options.onPaused,
    onResume: options.onResume,
    // One request, no retries: the cheapest page that needs the site's database.
    probe: async () => {
      const result = await round(new URL(options.probePath, options.baseUrl).toString(), { retries: 0 });
      return result.ok ? null : result.error.message;
    },
  });
  // ky's retries see every failed attempt but the last; the caller sees the last: count each once.
  const recorded = new WeakSet<object>();
  const noteSiteFailure = (error: unknown, requestNo: number) => {
    if (typeof error !== "object" || error === null || recorded.has(error) || !isSiteFailure(error)) return;
    recorded.add(error);
    breaker.recordFailure(describe(error as Error), requestNo);
  };

  // One hop, with ky's quick retries for a hiccup; they stop as soon as the breaker opens.
  const fetchHop = async (url: string, retries: number, requestNo: number): Promise<Response> => {
    let stoppedFor: unknown = null;
    const response = await http.get(url, {
      retry: {
        limit: retries,
        methods: ["get"],
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: 120_000,
        backoffLimit: 30_000,
        jitter: (delay) => delay * (0.5 + Math.random()),
        retryOnTimeout: true,
        shouldRetry: ({ error }) => {
          noteSiteFailure(error, requestNo);
          return breaker.isOpen || certificateProblem(error) ? false : undefined;
        },
      },
      hooks: {
        beforeRetry: [
          ({ request, error, retryCount }) => {
            if (breaker.isOpen) {
              stoppedFor = error;
              return ky.stop;
            }
            options.onRetry?.({ url: request.url, attempt: retryCount, reason: describe(error) });
          },
        ],
      },
    });
    if (response === undefined) throw stoppedFor; // the breaker opened during the retry delay
    return response;
  };

  // One page: its redirects (same host only), its quick retries and its body. Without `requestNo`
  // (the probe, which never retries) the outcome is not recorded here: the breaker records it.
  const round = async (url: string, { retries, requestNo }: { retries: number; requestNo?: number }): Promise<Round> => {
    const noteSuccess = () => requestNo !== undefined && breaker.recordSuccess(requestNo);
    const noteFailure = (error: unknown) => requestNo !== undefined && noteSiteFailure(error, requestNo);
    let current = url;
    let response: Response;
    try {
      for (let hop = 0; ; hop += 1) {
        response = await fetchHop(current, retries, requestNo ?? 0);
        if (response.status < 300 || response.status >= 400) break;
        if (hop === MAX_REDIRECTS) throw new RedirectRefusedError(`${url} redirected more than ${MAX_REDIRECTS} times`);
        const next = redirectTarget(current, response.headers.get("location"));
        await response.body?.cancel().catch(() => {});
        current = next;
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (isSiteFailure(error)) noteFailure(error);
      else if (!(error instanceof RedirectRefusedError) && !certificateProblem(error)) noteSuccess(); // it answered, if not with the page
      const status = error instanceof HTTPError ? error.response.status : null;
      const siteFailure = isSiteFailure(error) || status === 429;
      return { ok: false, siteFailure, error: new SiteError(`${describe(error as Error)} from ${current}`, current, status) };
    }
    try {
      const text = await readBody(response, limits);
      noteSuccess();
      return { ok: true, text };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const siteFailure = isSiteFailure(error);
      if (siteFailure) noteFailure(error);
      else noteSuccess();
      const message = siteFailure ? `the answer from ${current} was cut off (${describe(error as Error)})` : `${(error as Error).message} (${current})`;
      return { ok: false, siteFailure, error: new SiteError(message, current, response.status, "body") };
    }
  };

  const queue = createPoliteQueue(options.concurrency, options.delayMs);

  return {
    get requests() {
      return requests;
    },
    get pausedUntil() {
      return breaker.pausedUntil;
    },
    get: (path) =>
      queue(async () => {
        const url = new URL(path, options.baseUrl).toString();
        let failedAfter: number | null = null;
        for (;;) {
          await breaker.whenClosed();
          // Once the site has answered another page since this one failed, this page has had its
          // chance: failing again, it is the trouble, not the site.
          const lastChance = failedAfter !== null && breaker.answeredSince(failedAfter);
          const result = await round(url, { retries: options.retries, requestNo: breaker.nextRequest() });
          if (result.ok) return result.text;
          if (!result.siteFailure || lastChance) throw result.error;
          failedAfter ??= breaker.lastRequest;
          // The site is down: wait, then try again without counting it against the page. Else, if no
          // page asked for since this one failed has been answered, one probe asks whether the site
          // answers at all: yes, and this page is the trouble.
          if (breaker.isOpen) continue;
          if (!breaker.answeredSince(failedAfter)) await breaker.probeNow();
          if (!breaker.isOpen && breaker.answeredSince(failedAfter)) throw result.error;
        }
      }),
  };
}

function describe(error: Error): string {
  if (error instanceof HTTPError) return `HTTP ${error.response.status}`;
  if (error instanceof TimeoutError) return "no first byte in time (--first-byte-timeout-ms)";
  if (error instanceof BodyStalledError) return `stalled: ${error.message}`;
  const certificate = certificateProblem(error);
  if (certificate) {
    return `the site's TLS certificate is not trusted (${certificate}); if its chain lacks a certificate, give it to Node with NODE_EXTRA_CA_CERTS (DEPLOYMENT.md)`;
  }
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ? `network error ${cause.code}` : error.message;
}

// Runs at most `concurrency` jobs at once and starts them at least ~delayMs apart (jittered
// between 50 % and 150 %), so the site sees a steady trickle rather than bursts.
export function createPoliteQueue(concurrency: number, delayMs: number) {
  let active = 0;
  let nextStart = 0;
  const waiting: (() => void)[] = [];

  const acquire = async () => {
    if (active < concurrency) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the releaser hands its slot over
    const now = Date.now();
    const start = Math.max(now, nextStart);
    nextStart = start + delayMs * (0.5 + Math.random());
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return async <T>(job: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await job();
    } finally {
      release();
    }
  };
}
