// Ends a stream whose reader stops reading. An export holds a database connection until its last
// byte is taken; a client that opens one and never reads (or stops half way) would hold it for
// ever. The clock runs only while a chunk waits for the reader, never while the database is
// producing the next one.

export class ReaderStalledError extends Error {
  override name = "ReaderStalledError";
}

export type StallGuardOptions = {
  stallTimeoutMs: number;
  onStall?: () => void;
  /** Called once when the stream ends for any reason: done, failed, cancelled or stalled. */
  onEnd?: () => void;
};

export function withStallTimeout(inner: ReadableStream<Uint8Array>, options: StallGuardOptions): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const end = () => {
    clearTimeout(timer);
    if (ended) return;
    ended = true;
    options.onEnd?.();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(timer);
        try {
          const next = await reader.read();
          if (next.done) {
            end();
            controller.close();
            return;
          }
          controller.enqueue(next.value);
          if (ended) return;
          timer = setTimeout(() => {
            options.onStall?.();
            end();
            const error = new ReaderStalledError(`the reader took nothing for ${options.stallTimeoutMs} ms`);
            controller.error(error);
            reader.cancel(error).catch(() => {});
          }, options.stallTimeoutMs);
        } catch (error) {
          end();
          controller.error(error);
        }
      },
      async cancel(reason) {
        end();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 1 },
  );
}
