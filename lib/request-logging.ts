import { randomUUID } from "node:crypto";
import { loggableQuery } from "@/lib/loggable-query";
import { log as defaultLog, withLogContext, type Logger } from "@/lib/log";

// One log line per API request (method, path, status, duration) carrying a request id, which is
// also on every line logged while the request is handled and in the X-Request-Id answer header.
// A proxy's X-Request-Id is kept so that its logs and ours join up. The query keeps parameter
// names, and values only where they cannot hold a name or a search term (loggable-query.ts).

export const REQUEST_ID_HEADER = "x-request-id";

const TRUSTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the incoming X-Request-Id when it looks like one, otherwise a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER)?.trim();
  return incoming && TRUSTED_ID.test(incoming) ? incoming : randomUUID();
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function withRequestLog<C>(handler: Handler<C>, logger: Logger = defaultLog): Handler<C> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers);
    return withLogContext({ requestId }, async () => {
      const started = performance.now();
      const { pathname, search } = new URL(request.url);
      const fields = { method: request.method, path: pathname, query: loggableQuery(search) };
      let response: Response;
      try {
        response = await handler(request, context);
      } catch (error) {
        logger.error("request failed", { ...fields, error: error as Error, durationMs: Math.round(performance.now() - started) });
        throw error;
      }
      logger.info("request", { ...fields, status: response.status, durationMs: Math.round(performance.now() - started) });
      return withHeader(response, "X-Request-Id", requestId);
    });
  };
}

// Some responses (Response.redirect, a proxied fetch) have immutable headers: copy those.
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
