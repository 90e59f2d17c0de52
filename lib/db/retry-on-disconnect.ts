// PostgreSQL restarting (or a dropped connection) should pause a long job, not fail it: these
// errors are retried with backoff; every other error is passed on at once.

const DISCONNECT_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

export function isDisconnect(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && DISCONNECT_CODES.has(code)) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection/i.test(error.message);
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
