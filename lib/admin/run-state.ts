import { STALE_HEARTBEAT_MS } from "@/lib/scraper/store/runs";

// What the admin page calls a run. "running" in the table is not enough: a run whose process died
// keeps that status until the next run of its roll starts, so a stale heartbeat is shown as
// "interrupted"; a run asked to stop shows "cancelling" until it does. A "queued" run waits for the
// worker to claim it.

export type RunState = "queued" | "running" | "cancelling" | "interrupted" | "succeeded" | "failed" | "cancelled";

type RunLike = { status: string; heartbeatAt: Date; cancelRequestedAt: Date | null };

export function runState(run: RunLike, now: number): RunState {
  if (run.status !== "running") return run.status as RunState;
  if (now - run.heartbeatAt.getTime() > STALE_HEARTBEAT_MS) return "interrupted";
  return run.cancelRequestedAt ? "cancelling" : "running";
}

/** A run that stopped before finishing can be taken up again where it left off. */
export function isResumable(state: RunState): boolean {
  return state === "interrupted" || state === "failed" || state === "cancelled";
}

export function isActive(state: RunState): boolean {
  return state === "queued" || state === "running" || state === "cancelling";
}
