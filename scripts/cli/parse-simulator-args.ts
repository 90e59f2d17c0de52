import { parseArgs } from "node:util";
import { REAL_PROFILE_DEFAULTS, resolveBehaviour, type OutageError, type RealBehaviour, type SimulatorProfile } from "@/lib/simulator/real-behaviour";
import { ROLL_IDS } from "@/lib/simulator/roll-meta";
import type { SimulatorOptions } from "@/lib/simulator/server";

export const SIMULATE_SITE_USAGE = `Usage: npm run simulate-site -- [options]

Serves four valuation rolls from one seed, each under its own path: ${ROLL_IDS.map((id) => `/${id}/`).join(", ")}
(the bare URL serves gv2022). Between consecutive rolls values drift by suburb and use, erven are
subdivided and consolidated, schemes are built, uses change and some rate numbers change.

  --port N                   port to listen on (default 4010; 0 picks a free one)
  --host H                   address to bind (default 127.0.0.1)
  --rows N                   properties on the gv2022 roll; the others differ by a few percent
                             (default 50000)
  --seed N                   data seed (default 7)
  --generation N             mutation generation to serve (default 0)
  --latency-ms N             delay every response by N milliseconds (default 0)
  --error-rate R             share of requests answered with a random 500, 0 to 1 (default 0)
  --truncate-above N         return at most N rows per result page, caption keeps the true total
                             (default: no limit)
  --profile default|real     "real" behaves like the live site: the switches below take the live
                             site's values unless given (default profile: all off)

Real-site switches (each works on its own, with either profile):
  --answer-cap N|none        send at most N rows of an answer (real: ${REAL_PROFILE_DEFAULTS.answerCap ?? "none"})
  --banner-threshold N       show the banner when the caption's count is at least N (1000)
  --caption counts-sent|matches
                             what the caption's total counts (real: counts-sent)
  --first-byte-ms N          delay before the first byte of a results page (real: ${REAL_PROFILE_DEFAULTS.firstByteDelay.baseMs})
  --first-byte-ms-per-row N  plus N milliseconds for every row sent (real: ${REAL_PROFILE_DEFAULTS.firstByteDelay.perRowMs})
  --db-timeout-ms N|none     a longer delay answers the SQL "Timeout expired" 500 after N ms
                             (real: ${REAL_PROFILE_DEFAULTS.databaseTimeoutMs ?? "none"})
  --odd-cell-share R         share of rows with a NaN, empty (zero) or negative number cell, 0 to 1
                             (real: ${REAL_PROFILE_DEFAULTS.oddCells.share})
  --no-match-share R         share of suburbs that answer "No Match" before their rows, 0 to 1 (0)
  --no-match-times N         how many asks of such a suburb answer "No Match" (1 when a share is given)
  --all-without-scheme no-match|ignored
                             what All=true without a scheme does (real: ${REAL_PROFILE_DEFAULTS.allWithoutScheme})
  --detail-types data|title  detail links' PType/FType from the data, or the title type (real: data)
  --order unsorted|sorted    row order of an answer (real: unsorted)
  --outage-after D           start a database outage D after start-up (e.g. 90s, 2m, 500ms; a bare
                             number is seconds; needs --outage-for)
  --outage-for D             how long the outage lasts (starts at once without --outage-after)
  --outage-error network|pool
                             the SQL error the outage answers: server unreachable (default) or
                             connection pool exhausted
  --help                     show this help
`;

export type ParsedSimulatorArgs = { kind: "help" } | { kind: "run"; options: SimulatorOptions } | { kind: "error"; message: string };

class FlagError extends Error {}

function wholeNumber(flag: string, value: string, min = 0): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new FlagError(`--${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${value}"`);
  return Number(value);
}

function milliseconds(flag: string, value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new FlagError(`--${flag} must be zero or more milliseconds (e.g. 2 or 0.5), got "${value}"`);
  return Number(value);
}

function share(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new FlagError(`--${flag} must be between 0 and 1, got "${value}"`);
  return n;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new FlagError(`--${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

/** `90s`, `2m`, `500ms`, or a bare number of seconds, in milliseconds. */
export function parseDuration(flag: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (!match) throw new FlagError(`--${flag} must be a duration such as 90s, 2m or 500ms, got "${value}"`);
  const unit = match[2] ?? "s";
  return Math.round(Number(match[1]) * (unit === "ms" ? 1 : unit === "s" ? 1000 : 60_000));
}

const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  rows: { type: "string" },
  seed: { type: "string" },
  generation: { type: "string" },
  "latency-ms": { type: "string" },
  "error-rate": { type: "string" },
  "truncate-above": { type: "string" },
  profile: { type: "string" },
  "answer-cap": { type: "string" },
  "banner-threshold": { type: "string" },
  caption: { type: "string" },
  "first-byte-ms": { type: "string" },
  "first-byte-ms-per-row": { type: "string" },
  "db-timeout-ms": { type: "string" },
  "odd-cell-share": { type: "string" },
  "no-match-share": { type: "string" },
  "no-match-times": { type: "string" },
  "all-without-scheme": { type: "string" },
  "detail-types": { type: "string" },
  order: { type: "string" },
  "outage-after": { type: "string" },
  "outage-for": { type: "string" },
  "outage-error": { type: "string" },
  help: { type: "boolean" },
} as const;

/** Parses `simulate-site` flags into simulator options (pure: no I/O, never exits). */
export function parseSimulatorArgs(argv: readonly string[]): ParsedSimulatorArgs {
  try {
    let values;
    try {
      ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: FLAGS }));
    } catch (error) {
      throw new FlagError(error instanceof Error ? error.message : String(error));
    }
    if (values.help) return { kind: "help" };
    const v = values as Record<string, string | undefined>;
    const errorRate = v["error-rate"] === undefined ? 0 : share("error-rate", v["error-rate"]);
    const port = v.port === undefined ? 4010 : wholeNumber("port", v.port);
    if (port > 65535) throw new FlagError("--port must be at most 65535");
    const profile = oneOf<SimulatorProfile>("profile", v.profile ?? "default", ["default", "real"]);

    const real: Partial<RealBehaviour> = {};
    const noneOr = (flag: string, value: string, min: number) => (value === "none" ? null : wholeNumber(flag, value, min));
    if (v["answer-cap"] !== undefined) real.answerCap = noneOr("answer-cap", v["answer-cap"], 1);
    if (v["banner-threshold"] !== undefined) real.bannerThreshold = wholeNumber("banner-threshold", v["banner-threshold"], 1);
    if (v.caption !== undefined) real.captionCountsSent = oneOf("caption", v.caption, ["counts-sent", "matches"]) === "counts-sent";
    if (v["first-byte-ms"] !== undefined || v["first-byte-ms-per-row"] !== undefined) {
      real.firstByteDelay = {
        ...resolveBehaviour(profile).firstByteDelay,
        ...(v["first-byte-ms"] !== undefined ? { baseMs: wholeNumber("first-byte-ms", v["first-byte-ms"]) } : {}),
        ...(v["first-byte-ms-per-row"] !== undefined ? { perRowMs: milliseconds("first-byte-ms-per-row", v["first-byte-ms-per-row"]) } : {}),
      };
    }
    if (v["db-timeout-ms"] !== undefined) real.databaseTimeoutMs = noneOr("db-timeout-ms", v["db-timeout-ms"], 0);
    if (v["odd-cell-share"] !== undefined) real.oddCells = { share: share("odd-cell-share", v["odd-cell-share"]) };
    if (v["no-match-share"] !== undefined || v["no-match-times"] !== undefined) {
      real.transientNoMatch = {
        share: v["no-match-share"] === undefined ? resolveBehaviour(profile).transientNoMatch.share : share("no-match-share", v["no-match-share"]),
        times: v["no-match-times"] === undefined ? 1 : wholeNumber("no-match-times", v["no-match-times"]),
      };
    }
    if (v["all-without-scheme"] !== undefined) real.allWithoutScheme = oneOf<RealBehaviour["allWithoutScheme"]>("all-without-scheme", v["all-without-scheme"], ["no-match", "ignored"]);
    if (v["detail-types"] !== undefined) real.detailTypesFromData = oneOf("detail-types", v["detail-types"], ["data", "title"]) === "data";
    if (v.order !== undefined) real.unsorted = oneOf("order", v.order, ["unsorted", "sorted"]) === "unsorted";
    if (v["outage-after"] !== undefined && v["outage-for"] === undefined) throw new FlagError("--outage-after needs --outage-for (how long the outage lasts)");
    if (v["outage-error"] !== undefined && v["outage-for"] === undefined) throw new FlagError("--outage-error needs --outage-for (how long the outage lasts)");
    if (v["outage-for"] !== undefined) {
      real.outage = {
        startAfterMs: v["outage-after"] === undefined ? 0 : parseDuration("outage-after", v["outage-after"]),
        durationMs: parseDuration("outage-for", v["outage-for"]),
        ...(v["outage-error"] !== undefined ? { error: oneOf<OutageError>("outage-error", v["outage-error"], ["network", "pool"]) } : {}),
      };
    }
    resolveBehaviour(profile, real);

    return {
      kind: "run",
      options: {
        port,
        host: v.host ?? "127.0.0.1",
        rows: v.rows === undefined ? 50_000 : wholeNumber("rows", v.rows, 1),
        seed: v.seed === undefined ? 7 : wholeNumber("seed", v.seed),
        generation: v.generation === undefined ? 0 : wholeNumber("generation", v.generation),
        latencyMs: v["latency-ms"] === undefined ? 0 : wholeNumber("latency-ms", v["latency-ms"]),
        errorRate,
        truncateAbove: v["truncate-above"] === undefined ? null : wholeNumber("truncate-above", v["truncate-above"]),
        profile,
        real,
      },
    };
  } catch (error) {
    if (error instanceof FlagError) return { kind: "error", message: error.message };
    if (error instanceof Error) return { kind: "error", message: error.message };
    throw error;
  }
}

/** One line per switch, for the start-up banner. */
export function describeBehaviour(b: RealBehaviour): string[] {
  const ms = (n: number) => `${n.toLocaleString("en-ZA")} ms`;
  return [
    `caption: ${b.captionCountsSent ? "counts the rows sent" : "states the matches"}; banner at ${b.bannerThreshold} rows; answer cap: ${b.answerCap ?? "none"}`,
    `first byte after ${ms(b.firstByteDelay.baseMs)} + ${ms(b.firstByteDelay.perRowMs)} a row; database timeout: ${b.databaseTimeoutMs === null ? "none" : ms(b.databaseTimeoutMs)}`,
    `odd cells: ${b.oddCells.share}; transient No Match: share ${b.transientNoMatch.share}, ${b.transientNoMatch.times} times`,
    `All=true without a scheme: ${b.allWithoutScheme}; detail types: ${b.detailTypesFromData ? "from data" : "title type"}; rows ${b.unsorted ? "unsorted" : "by rate number"}`,
    `outage: ${b.outage ? `${ms(b.outage.durationMs)} from ${ms(b.outage.startAfterMs)} after start (${b.outage.error ?? "network"} error)` : "none"}`,
  ];
}
