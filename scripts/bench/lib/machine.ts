import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

// What a figure was measured on, and the load the machine carried while it was: the machine is
// shared (2 cores), so every heavy run waits for a quiet moment and records the load it got.

export const QUIET_LOAD = 2.5;

export function loadAverage(): number {
  return os.loadavg()[0] ?? 0;
}

export function machineLine(databaseUrl: string): string {
  const postgres = execFileSync("psql", [databaseUrl, "-Atc", "SHOW server_version"], { encoding: "utf8" }).trim();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const memoryGb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.cpus().length} cores (${cpu}), ${memoryGb} GB RAM, Node ${process.version}, PostgreSQL ${postgres}, ${os.type()} ${os.release()}`;
}

/**
 * Waits until the 1-minute load average is under QUIET_LOAD (heavy scales only, once per
 * process) and returns the load when the run starts. A machine still busy after `maxWaitMs` stops the benchmark: a heavy
 * scale measured on a loaded machine would be a figure of the other work, not of ours.
 */
let quietSeen = false;

export async function waitForQuietMachine(rows: number, maxWaitMs = 20 * 60_000): Promise<number> {
  // Once per benchmark process: its own later runs load the machine themselves (the load at the
  // start of each run is still recorded).
  if (rows <= 10_000 || quietSeen) return loadAverage();
  const deadline = Date.now() + maxWaitMs;
  let announced = false;
  while (loadAverage() >= QUIET_LOAD) {
    if (Date.now() > deadline) {
      throw new Error(`load average still ${loadAverage().toFixed(2)} (≥ ${QUIET_LOAD}) after ${Math.round(maxWaitMs / 60_000)} min: not measuring ${rows} rows now`);
    }
    if (!announced) process.stderr.write(`load average ${loadAverage().toFixed(2)} ≥ ${QUIET_LOAD}: waiting for a quiet machine…\n`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  quietSeen = true;
  return loadAverage();
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function processMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export function today(): string {
  return new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
