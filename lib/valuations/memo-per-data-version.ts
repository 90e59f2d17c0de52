// Values read from the roll data change only when the data version does (a scrape run finishes,
// the owner suppression list changes), so a process keeps them for the version last asked for.
// One eviction rule for every such cache: a call with another version drops all that is kept;
// within a version at most `limit` values, the oldest dropped first. A load that fails is
// forgotten, so the next call tries again. Values are promises: concurrent callers share one load.

export type MemoPerDataVersion<T> = (dataVersion: string, key: string, load: () => Promise<T>) => Promise<T>;

export function memoPerDataVersion<T>(limit: number): MemoPerDataVersion<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`memoPerDataVersion: limit must be a positive whole number, not ${limit}`);
  let keptVersion: string | undefined;
  const kept = new Map<string, Promise<T>>();
  return (dataVersion, key, load) => {
    if (dataVersion !== keptVersion) {
      kept.clear();
      keptVersion = dataVersion;
    }
    const known = kept.get(key);
    if (known) return known;
    const oldest = kept.keys().next();
    if (kept.size >= limit && !oldest.done) kept.delete(oldest.value);
    const value = load();
    kept.set(key, value);
    value.catch(() => {
      if (kept.get(key) === value) kept.delete(key);
    });
    return value;
  };
}
