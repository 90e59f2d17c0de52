import type { ScrapeRun } from "@/lib/generated/prisma/client";
import { formatClock, formatDuration } from "@/lib/format/format-duration";
import type { RunState } from "./run-state";
import { SITE_TIME_ZONE } from "@/lib/format/site-time-zone";

// A run's outages and warnings as the admin pages show them: while the site is down, when the
// next try is due; the time paused so far; what went wrong without failing the run.

export type RunWarningJson = { at: string; message: string };
export type RunPauseJson = { pausedUntil: string | null; pausedMs: number; warnings: RunWarningJson[] };

const isWarning = (value: unknown): value is RunWarningJson =>
  typeof value === "object" && value !== null && typeof (value as RunWarningJson).message === "string" && typeof (value as RunWarningJson).at === "string";

export function runPause(run: Pick<ScrapeRun, "pausedUntil" | "pausedMs" | "warnings">, state: RunState): RunPauseJson {
  return {
    // Only a live run waits for the site; one whose process died mid-pause waits for nothing.
    pausedUntil: state === "running" || state === "cancelling" ? (run.pausedUntil?.toISOString() ?? null) : null,
    pausedMs: Number(run.pausedMs),
    warnings: Array.isArray(run.warnings) ? run.warnings.filter(isWarning) : [],
  };
}

/** While a live run waits for the site: the next try (HH:MM:SS, Johannesburg time) and the time paused so far; else null. */
export function pauseNotice(pause: RunPauseJson): { nextTry: string; pausedMs: number } | null {
  if (pause.pausedUntil === null) return null;
  return { nextTry: formatClock(Date.parse(pause.pausedUntil), SITE_TIME_ZONE), pausedMs: pause.pausedMs };
}

/** "Site down, next try at 14:32:05 (Johannesburg time). Paused 3m 10s so far." or null when not paused (English; the run page words it from its catalogue). */
export function describePause(pause: RunPauseJson): string | null {
  const notice = pauseNotice(pause);
  if (notice === null) return null;
  const sofar = notice.pausedMs > 0 ? ` Paused ${formatDuration(notice.pausedMs)} so far.` : "";
  return `Site down, next try at ${notice.nextTry} (Johannesburg time). No requests until then; the run carries on when the site answers.${sofar}`;
}
