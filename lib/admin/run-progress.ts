// The live figures of a run: how far each title type has got, the rate and the time left. Pure:
// the counts come from the run's tasks, the clock from the caller.

export type TaskCounts = { titleType: string; status: string; tasks: number; rows: number };

export type TitleProgress = { titleType: string; total: number; done: number; failed: number; running: number; pending: number; rows: number; percent: number };

export type RunProgress = {
  byTitleType: TitleProgress[];
  percent: number;
  /** Rows per second since the run started (or since it was resumed, if it was). */
  rowsPerSecond: number | null;
  /** Seconds until every task is through, at the pace so far; null when unknown or finished. */
  etaSeconds: number | null;
};

export function titleProgress(counts: readonly TaskCounts[]): TitleProgress[] {
  const byTitle = new Map<string, TitleProgress>();
  for (const count of counts) {
    const entry = byTitle.get(count.titleType) ?? { titleType: count.titleType, total: 0, done: 0, failed: 0, running: 0, pending: 0, rows: 0, percent: 0 };
    entry.total += count.tasks;
    entry.rows += count.rows;
    if (count.status === "done") entry.done += count.tasks;
    else if (count.status === "failed") entry.failed += count.tasks;
    else if (count.status === "running") entry.running += count.tasks;
    else entry.pending += count.tasks;
    byTitle.set(count.titleType, entry);
  }
  return [...byTitle.values()]
    .map((entry) => ({ ...entry, percent: entry.total === 0 ? 0 : Math.floor((100 * (entry.done + entry.failed)) / entry.total) }))
    .sort((a, b) => a.titleType.localeCompare(b.titleType));
}

export function runProgress(input: {
  counts: readonly TaskCounts[];
  tasksTotal: number;
  rowsSeen: number;
  /** When this stretch of work began, and how many tasks and rows were already done then. */
  since: Date;
  tasksAtStart: number;
  rowsAtStart: number;
  active: boolean;
  now: number;
}): RunProgress {
  const byTitleType = titleProgress(input.counts);
  const finished = byTitleType.reduce((sum, title) => sum + title.done + title.failed, 0);
  const total = Math.max(input.tasksTotal, byTitleType.reduce((sum, title) => sum + title.total, 0));
  const percent = total === 0 ? 0 : Math.floor((100 * finished) / total);
  const seconds = (input.now - input.since.getTime()) / 1000;
  const rowsPerSecond = seconds > 0 ? Math.max(0, input.rowsSeen - input.rowsAtStart) / seconds : null;
  const doneSinceStart = finished - input.tasksAtStart;
  const remaining = total - finished;
  const etaSeconds = input.active && doneSinceStart > 0 && remaining > 0 && seconds > 0 ? Math.round((remaining * seconds) / doneSinceStart) : null;
  return { byTitleType, percent, rowsPerSecond: rowsPerSecond === null ? null : Math.round(rowsPerSecond * 10) / 10, etaSeconds };
}
