import { log } from "@/lib/log";
import { loggableQuery } from "@/lib/loggable-query";

// One log line per unexpected error, with what the client asked (and, through the request log
// context, its request id), search terms withheld; the client itself gets no internals.

export function logError(request: Request, error: unknown): void {
  const url = new URL(request.url);
  log.error("unhandled error in an API route", {
    method: request.method,
    path: url.pathname,
    query: loggableQuery(url.search),
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
