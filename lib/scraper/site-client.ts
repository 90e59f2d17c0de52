import ky, { HTTPError, TimeoutError, type KyInstance } from "ky";

// The one way the scraper talks to the site: polite (bounded concurrency, jittered delay between
// requests), patient (timeouts, retries with exponential backoff that honour Retry-After), and
// honest about who it is (User-Agent).

export type SiteClientOptions = {
  baseUrl: string;
  concurrency: number;
  delayMs: number;
  timeoutMs: number;
  retries: number;
  userAgent: string;
  signal?: AbortSignal;
  onRetry?: (event: { url: string; attempt: number; reason: string }) => void;
};

export type SiteClient = {
  get: (path: string) => Promise<string>;
  readonly requests: number;
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

export function createSiteClient(options: SiteClientOptions): SiteClient {
  const http: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeoutMs,
    headers: { "user-agent": options.userAgent, accept: "text/html" },
    signal: options.signal,
    redirect: "follow",
    retry: {
      limit: options.retries,
      methods: ["get"],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [413, 429, 503],
      maxRetryAfter: 120_000,
      backoffLimit: 30_000,
      jitter: (delay) => delay * (0.5 + Math.random()),
      retryOnTimeout: true,
    },
    hooks: {
      beforeRetry: [
        ({ request, error, retryCount }) => {
          options.onRetry?.({ url: request.url, attempt: retryCount, reason: describe(error) });
        },
      ],
    },
  });

  const queue = createPoliteQueue(options.concurrency, options.delayMs);
  let requests = 0;

  return {
    get requests() {
      return requests;
    },
    get: (path) =>
      queue(async () => {
        requests += 1;
        const url = new URL(path, options.baseUrl).toString();
        let response: Response;
        try {
          response = await http.get(path.replace(/^\//, ""));
        } catch (error) {
          if (error instanceof HTTPError) {
            throw new SiteError(`${describe(error)} from ${url}`, url, error.response.status);
          }
          if (options.signal?.aborted) throw error;
          throw new SiteError(`${describe(error as Error)} from ${url}`, url, null);
        }
        try {
          return await readBody(response, options.timeoutMs);
        } catch (error) {
          if (options.signal?.aborted) throw error;
          throw new SiteError(`the answer from ${url} was cut off (${describe(error as Error)})`, url, response.status, "body");
        }
      }),
  };
}

// ky's timeout ends when the headers arrive; a body that stalls half-way needs its own.
async function readBody(response: Response, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      response.body?.cancel().catch(() => {});
      reject(new TimeoutError(new Request(response.url)));
    }, timeoutMs);
  });
  try {
    return await Promise.race([response.text(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: Error): string {
  if (error instanceof HTTPError) return `HTTP ${error.response.status}`;
  if (error instanceof TimeoutError) return "timed out";
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
