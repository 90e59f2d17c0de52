// PostgreSQL restarting (or a dropped connection) should pause a long job, not fail it: these
// errors are retried with backoff; every other error is passed on at once.

const DISCONNECT_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

// Prisma wraps the driver's error (meta.driverAdapterError → cause { kind, originalCode }).
const DISCONNECT_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections"]);
const DISCONNECT_MESSAGE = /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)/i;

type Wrapped = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function isDisconnect(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as Wrapped;
  if (typeof e.code === "string" && DISCONNECT_CODES.has(e.code)) return true;
  if (typeof e.originalCode === "string" && DISCONNECT_CODES.has(e.originalCode)) return true;
  if (typeof e.kind === "string" && DISCONNECT_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && DISCONNECT_MESSAGE.test(e.message)) return true;
  return isDisconnect(e.cause, depth + 1) || isDisconnect(e.meta?.driverAdapterError, depth + 1);
}

export async function retryOnDisconnect<T>(
  job: () => Promise<T>,
  options: { attempts?: number; firstDelayMs?: number; onRetry?: (error: Error, attempt: number) => void } = {},
): Promise<T> {
  const attempts = options.attempts ?? 7;
  let delay = options.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await job();
    } catch (error) {
      if (!isDisconnect(error) || attempt >= attempts) throw error;
      options.onRetry?.(error as Error, attempt);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }
}
