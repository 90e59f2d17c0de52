// A run that added, changed or removed an unusual share of the rows it saw is worth a look: the
// roll itself rarely moves that much between nightly runs, a parsing or source problem often does.

export const UNUSUAL_CHANGE_SHARE = 0.1;

export type RunChangeCounts = { rowsSeen: number; rowsAdded: number; rowsChanged: number; rowsRemoved: number };

export function changeShare(run: RunChangeCounts): number {
  const touched = run.rowsAdded + run.rowsChanged + run.rowsRemoved;
  const base = run.rowsSeen + run.rowsRemoved;
  return base === 0 ? 0 : touched / base;
}

/** Only a run that follows an earlier successful run of its roll can be unusual: the first one adds everything. */
export function isUnusualChange(run: RunChangeCounts & { hadEarlierSuccess: boolean }, threshold = UNUSUAL_CHANGE_SHARE): boolean {
  return run.hadEarlierSuccess && changeShare(run) > threshold;
}
