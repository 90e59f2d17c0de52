import { parseArgs } from "node:util";

// The flags every benchmark takes: the scales to run (rows on the simulated roll), how many runs
// per figure, and whether to wait for a quiet machine.

export type BenchArgs = { scales: number[]; runs: number; wait: boolean; seed: number; write: boolean };

export function parseBenchArgs(argv: readonly string[], defaults: { scales: number[]; runs: number }): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      rows: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      "no-wait": { type: "boolean" },
      dry: { type: "boolean" },
    },
  });
  const scales = values.rows ? values.rows.split(",").map(parseScale) : defaults.scales;
  const runs = values.runs ? Number(values.runs) : defaults.runs;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
  return { scales, runs, wait: !values["no-wait"], seed: values.seed ? Number(values.seed) : 7, write: !values.dry };
}

/** "10k", "1m" or "100000". */
export function parseScale(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--rows takes numbers like 10k,100k,1m, got "${text}"`);
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * factor);
}

export function scaleLabel(rows: number): string {
  return rows >= 1_000_000 ? `${rows / 1_000_000}M` : rows >= 1_000 ? `${rows / 1_000}k` : String(rows);
}
