import { createRandom, type Random } from "./random";

/**
 * - "500": the database-down yellow page; "429": Too Many Requests with `Retry-After: 1`;
 * - "timeout": accept and never answer; "truncate": status 200, half the page, clean close;
 * - "layout": the results table with a renamed header (or none); "empty": a valid "No Match" page.
 * "layout" and "empty" only alter SearchResult.aspx answers.
 */
export type FaultKind = "500" | "429" | "timeout" | "truncate" | "layout" | "empty";

export interface FaultRule {
  /** Matched against the request's path and raw query. */
  path: RegExp;
  /** Omit for a latency-only rule. */
  kind?: FaultKind;
  /** How many matching requests get the fault (default: every one until cleared). */
  times?: number;
  /** Extra delay before answering, in milliseconds. */
  latencyMs?: number;
  /** For "layout": rename a header (default) or leave the table out. */
  layout?: "header" | "no-table";
}

export interface FaultDecision {
  kind: FaultKind | null;
  latencyMs: number;
  layout: "header" | "no-table";
}

export interface FaultOptions {
  seed: number;
  latencyMs?: number;
  errorRate?: number;
}

/** Programmable, deterministic fault injection, plus seeded random 500s for the CLI. */
export class Faults {
  /** Delay for every response, in milliseconds. */
  latencyMs: number;
  /** Share of requests (0–1) answered with a random database-down 500. */
  errorRate: number;
  private readonly rules: { rule: FaultRule; remaining: number }[] = [];
  private readonly random: Random;

  constructor(options: FaultOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.errorRate = options.errorRate ?? 0;
    this.random = createRandom(options.seed ^ 0xfa017);
  }

  add(rule: FaultRule): void {
    const times = rule.times ?? Number.POSITIVE_INFINITY;
    if (!(times >= 0)) throw new Error("times must be zero or more");
    this.rules.push({ rule, remaining: times });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Decides (and consumes) the fault for one request. */
  take(pathAndQuery: string): FaultDecision {
    for (const entry of this.rules) {
      if (entry.remaining <= 0) continue;
      entry.rule.path.lastIndex = 0;
      if (!entry.rule.path.test(pathAndQuery)) continue;
      entry.remaining--;
      return {
        kind: entry.rule.kind ?? null,
        latencyMs: this.latencyMs + (entry.rule.latencyMs ?? 0),
        layout: entry.rule.layout ?? "header",
      };
    }
    const randomError = this.errorRate > 0 && this.random.next() < this.errorRate;
    return { kind: randomError ? "500" : null, latencyMs: this.latencyMs, layout: "header" };
  }
}
