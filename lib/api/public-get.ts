import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { log } from "@/lib/log";
import { withRequestLog } from "@/lib/request-logging";
import { clientAddress } from "./client-address";
import { CORS_HEADERS } from "./cors";
import { logError } from "./log-error";
import { ApiError, internalError } from "./problem";
import { RateLimiter, rateLimitHeaders, type RateLimitDecision } from "./rate-limiter";

// Wraps a public GET handler: a request id and one log line per request, per-client rate limit (429
// with Retry-After; RateLimit-* headers on every answer), CORS, a thrown ApiError answered as its
// problem, and any other error turned into a logged 500 problem with no internals.

const cache = globalThis as unknown as { __apiRateLimiter?: RateLimiter };
const onLimiterError = (error: Error) => log.warn("rate limit not checked: the database did not answer", { error: error.message });

/** Takes from the client's bucket in the shared database; without a database the request goes through (and fails there). */
async function takeToken(client: string, cost: number): Promise<RateLimitDecision> {
  try {
    cache.__apiRateLimiter ??= new RateLimiter(database().pool, config.RATE_LIMIT_PER_MINUTE, { onError: onLimiterError });
  } catch (error) {
    onLimiterError(error as Error);
    return { allowed: true, limit: config.RATE_LIMIT_PER_MINUTE, remaining: config.RATE_LIMIT_PER_MINUTE, resetSeconds: 0, retryAfterSeconds: 0 };
  }
  return cache.__apiRateLimiter.take(client, cost);
}

/** What an export costs in page requests: the per-minute budget allows RATE_LIMIT_EXPORTS_PER_MINUTE of them. */
export const EXPORT_COST = Math.max(1, Math.ceil(config.RATE_LIMIT_PER_MINUTE / config.RATE_LIMIT_EXPORTS_PER_MINUTE));

export type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

export type PublicGetOptions = {
  /** What the request costs in page requests (an export costs EXPORT_COST). */
  cost?: (request: Request) => number;
  rateLimited?: boolean;
};

export function publicGet<C>(handler: RouteHandler<C>, options: PublicGetOptions = {}): RouteHandler<C> {
  return withRequestLog(async (request, context) => {
    let limitHeaders: Record<string, string> = {};
    if (options.rateLimited !== false) {
      const decision = await takeToken(clientAddress(request.headers), options.cost?.(request) ?? 1);
      limitHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) {
        return new ApiError(
          {
            type: "/problems/rate-limited",
            title: "Too many requests",
            status: 429,
            detail: `This client has used its ${decision.limit} requests per minute (an export counts as ${EXPORT_COST}). Retry after ${decision.retryAfterSeconds} seconds.`,
          },
          { ...CORS_HEADERS, ...limitHeaders },
        ).toResponse();
      }
    }
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      response = problemFor(request, error).toResponse();
    }
    for (const [name, value] of Object.entries({ ...CORS_HEADERS, ...limitHeaders })) response.headers.set(name, value);
    return response;
  });
}

/** A thrown ApiError is the answer; anything else is our fault: logged, and a 500 without internals. */
function problemFor(request: Request, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  logError(request, error);
  return internalError();
}
