import { Cron } from "croner";

// Is the data as fresh as the schedule promises? The next scheduled run after the last successful
// one should have succeeded by now (allowing it `graceMs` to finish); if not, the data is overdue.

export type Freshness =
  | { state: "never"; dueBy: null }
  | { state: "fresh" | "overdue"; lastSuccessAt: Date; nextScheduledAt: Date | null; dueBy: Date | null };

export const FRESHNESS_GRACE_MS = 6 * 3_600_000;

export function assessFreshness(input: {
  lastSuccessStartedAt: Date | null;
  lastSuccessFinishedAt: Date | null;
  schedule: string;
  timezone: string;
  now: Date;
  graceMs?: number;
}): Freshness {
  if (!input.lastSuccessStartedAt || !input.lastSuccessFinishedAt) return { state: "never", dueBy: null };
  const cron = new Cron(input.schedule, { timezone: input.timezone, paused: true });
  const nextScheduledAt = cron.nextRun(input.lastSuccessStartedAt);
  const dueBy = nextScheduledAt ? new Date(nextScheduledAt.getTime() + (input.graceMs ?? FRESHNESS_GRACE_MS)) : null;
  const overdue = dueBy !== null && input.now.getTime() > dueBy.getTime();
  return { state: overdue ? "overdue" : "fresh", lastSuccessAt: input.lastSuccessFinishedAt, nextScheduledAt, dueBy };
}
