import type { ScrapeRun } from "@/lib/generated/prisma/client";
import { runPause, type RunPauseJson } from "./run-pause";
import { isResumable, runState, type RunState } from "./run-state";
import { runVerification, type RunVerificationJson } from "./run-verification";

// A scrape run as the admin API and pages show it.

export type RunJson = {
  id: number;
  roll: string;
  trigger: string;
  triggeredBy: string | null;
  state: RunState;
  resumable: boolean;
  startedAt: string;
  finishedAt: string | null;
  heartbeatAt: string;
  durationMs: number;
  error: string | null;
  complete: boolean;
  options: { titleTypes: string[]; suburbIds: string[] | null; details: boolean };
  counters: {
    tasksTotal: number;
    tasksDone: number;
    tasksFailed: number;
    rowsSeen: number;
    rowsAdded: number;
    rowsChanged: number;
    rowsUnchanged: number;
    rowsRemoved: number;
    detailsFetched: number;
  };
  anomalies: unknown[];
  /** How the run proved the roll complete: cross-check, rows verified and recovered, odd cells. */
  verification: RunVerificationJson;
  /** Outages (while the site is down: when the next try is due) and warnings. */
  pause: RunPauseJson;
};

function storedOptions(options: unknown): RunJson["options"] {
  const value = (options ?? {}) as { titleTypes?: unknown; suburbIds?: unknown; details?: unknown };
  return {
    titleTypes: Array.isArray(value.titleTypes) ? value.titleTypes.map(String) : [],
    suburbIds: Array.isArray(value.suburbIds) ? value.suburbIds.map(String) : null,
    details: value.details === true,
  };
}

export function runJson(run: ScrapeRun, now: number): RunJson {
  const state = runState(run, now);
  const end = run.finishedAt?.getTime() ?? (state === "interrupted" ? run.heartbeatAt.getTime() : now);
  return {
    id: run.id,
    roll: run.roll,
    trigger: run.trigger,
    triggeredBy: run.triggeredBy,
    state,
    resumable: isResumable(state),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    heartbeatAt: run.heartbeatAt.toISOString(),
    durationMs: Math.max(0, end - run.startedAt.getTime()),
    error: run.error,
    complete: run.complete,
    options: storedOptions(run.options),
    counters: {
      tasksTotal: run.tasksTotal,
      tasksDone: run.tasksDone,
      tasksFailed: run.tasksFailed,
      rowsSeen: run.rowsSeen,
      rowsAdded: run.rowsAdded,
      rowsChanged: run.rowsChanged,
      rowsUnchanged: run.rowsUnchanged,
      rowsRemoved: run.rowsRemoved,
      detailsFetched: run.detailsFetched,
    },
    anomalies: Array.isArray(run.anomalies) ? run.anomalies : [],
    verification: runVerification(run),
    pause: runPause(run, state),
  };
}
