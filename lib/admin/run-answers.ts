import { invalidParameters, notFound } from "@/lib/api/problem";
import { adminProblem } from "@/lib/auth/admin-problem";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { StartOutcome } from "./run-control";
import { runJson } from "./run-json";
import type { RunState } from "./run-state";
import { runIdSchema } from "./start-run-input";

// The answers the scrape-run routes share.

/** The run id of a route, or the 400 answer for a malformed one. */
export function parseRunId(raw: string): { ok: true; id: number } | { ok: false; response: Response } {
  const parsed = runIdSchema.safeParse(raw);
  return parsed.success ? { ok: true, id: parsed.data } : { ok: false, response: invalidParameters([{ parameter: "id", message: "must be a run number" }]).toResponse() };
}

export function runNotFound(id: number): Response {
  return notFound(`There is no scrape run #${id}.`).toResponse();
}

/** 202 with the queued run (and whether a worker will pick it up), or 409 naming the run that holds the roll. */
export function startAnswer(outcome: StartOutcome, now = Date.now()): Response {
  if (outcome.kind === "no-base-url") return invalidParameters([{ parameter: "roll", message: outcome.message }]).toResponse();
  if (outcome.kind === "busy") {
    return adminProblem({
      type: "/problems/run-in-progress",
      title: "A scrape is already running",
      status: 409,
      detail: outcome.message,
      runningRun: outcome.running ? runJson(outcome.running, now) : null,
    });
  }
  return Response.json({ ...runJson(outcome.run, now), worker: outcome.worker }, { status: 202, headers: { Location: `/api/admin/scrape-runs/${outcome.run.id}` } });
}

export function wrongState(run: Pick<ScrapeRun, "id">, state: RunState, action: "cancel" | "resume"): Response {
  const detail =
    action === "cancel"
      ? `Scrape run #${run.id} is ${state}, not running; there is nothing to cancel.${state === "interrupted" ? " Its process stopped; resume it instead." : ""}`
      : `Scrape run #${run.id} is ${state}; only an interrupted, failed or cancelled run can be resumed.`;
  return adminProblem({ type: "/problems/run-state", title: `Cannot ${action} this run`, status: 409, detail, state });
}
