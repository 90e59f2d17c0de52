import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { WORK_DIR } from "./roll-rows";

// HTTP load with wrk (C, two threads: it takes far less of the two cores than a Node load
// generator would). A Lua script cycles through the request paths and prints the figures wrk
// knows but does not show, p95 among them.

const run = promisify(execFile);

export type LoadFigures = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  megabytes: number;
};

const SCRIPT = (paths: readonly string[]) => `
local paths = {${paths.map((p) => JSON.stringify(p)).join(",")}}
local i = 0
function init(args)
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests":%d,"duration":%d,"bytes":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

export async function wrkLoad(options: { baseUrl: string; paths: readonly string[]; connections: number; seconds: number; timeoutSeconds?: number; name: string }): Promise<LoadFigures> {
  mkdirSync(WORK_DIR, { recursive: true });
  const script = path.join(WORK_DIR, `wrk-${options.name}.lua`);
  writeFileSync(script, SCRIPT(options.paths));
  const { stdout } = await run(
    "wrk",
    ["-t", String(Math.min(2, options.connections)), "-c", String(options.connections), "-d", `${options.seconds}s`, "--timeout", `${options.timeoutSeconds ?? 10}s`, "-s", script, options.baseUrl],
    { maxBuffer: 1 << 22 },
  );
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`wrk printed no figures:\n${stdout}`);
  const raw = JSON.parse(line.slice(6)) as Record<string, number>;
  const seconds = raw["duration"]! / 1e6;
  return {
    requests: raw["requests"]!,
    seconds,
    requestsPerSecond: raw["requests"]! / seconds,
    p50Ms: raw["p50"]! / 1000,
    p95Ms: raw["p95"]! / 1000,
    p99Ms: raw["p99"]! / 1000,
    maxMs: raw["max"]! / 1000,
    errors: { connect: raw["connect"]!, read: raw["read"]!, write: raw["write"]!, status: raw["status"]!, timeout: raw["timeout"]! },
    megabytes: raw["bytes"]! / 1e6,
  };
}

export function errorCount(figures: LoadFigures): number {
  const e = figures.errors;
  return e.connect + e.read + e.write + e.status + e.timeout;
}
