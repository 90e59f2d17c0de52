// Runs each item through two stages, fetch then store, with the stages overlapping: while one
// task's rows are being written (the database's work), the next ones are fetched and parsed (this
// process's work), so neither waits for the other. Each stage has its own concurrency, and at most
// `maxHeld` items are between taking and finishing (fetching, fetched and waiting, or storing),
// which bounds the memory held by fetched rows.
//
// A fetch that returns null has nothing to store (it failed and was recorded as failed, or was
// stopped). An exception in either stage stops both: no new item is taken, what is in flight
// finishes, the fetched items not yet stored are dropped, and the first exception is thrown.
// `shouldStop` ends the taking of new items; fetched items are still stored.

export type OverlapOptions<T, R> = {
  fetchConcurrency: number;
  storeConcurrency: number;
  maxHeld: number;
  fetch: (item: T) => Promise<R | null>;
  store: (fetched: R) => Promise<void>;
  shouldStop: () => boolean;
  /** Called once on the first exception, before waiting for the work in flight. */
  onFailure?: (error: unknown) => void;
};

export async function overlapTasks<T, R>(items: readonly T[], options: OverlapOptions<T, R>): Promise<void> {
  const { fetchConcurrency, storeConcurrency, maxHeld } = options;
  if (fetchConcurrency < 1 || storeConcurrency < 1 || maxHeld < 1) throw new Error("overlapTasks needs at least one of each");
  const pending = [...items];
  const fetched: R[] = [];
  let held = 0;
  let fetchersLeft = fetchConcurrency;
  let failure: { error: unknown } | null = null;

  let waiters: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const notify = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    options.onFailure?.(error);
    notify();
  };
  const taking = () => failure === null && !options.shouldStop() && pending.length > 0;

  const fetcher = async () => {
    try {
      for (;;) {
        while (taking() && held >= maxHeld) await changed();
        if (!taking()) return;
        const item = pending.shift()!;
        held += 1;
        let result: R | null;
        try {
          result = await options.fetch(item);
        } catch (error) {
          held -= 1;
          fail(error);
          return;
        }
        if (result === null || failure) {
          held -= 1;
        } else {
          fetched.push(result);
        }
        notify();
      }
    } finally {
      fetchersLeft -= 1;
      notify();
    }
  };

  const storer = async () => {
    for (;;) {
      while (!failure && fetched.length === 0 && fetchersLeft > 0) await changed();
      const next = failure ? undefined : fetched.shift();
      if (next === undefined) return;
      try {
        await options.store(next);
      } catch (error) {
        fail(error);
        return;
      } finally {
        held -= 1;
        notify();
      }
    }
  };

  await Promise.all([...Array.from({ length: fetchConcurrency }, fetcher), ...Array.from({ length: storeConcurrency }, storer)]);
  if (failure) throw (failure as { error: unknown }).error;
}
