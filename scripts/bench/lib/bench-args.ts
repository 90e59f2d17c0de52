import { parseArgs } from "node:util";

// The flags every benchmark takes: the scales to run (rows on the simulated roll), how many runs
// per figure, and whether to wait for a quiet machine.

export type BenchArgs = { scales: number[]; runs: number; wait: boolean; seed: number; write: boolean };
type Defaults = { scales: number[]; runs: number };

export class BenchUsageError extends Error {
  override name = "BenchUsageError";
}

export function benchUsage(name: string, defaults: Defaults, extraOptions = ""): string {
  return `Usage: npm run bench:${name} -- [options]

Options:
  --rows <sizes>   simulated roll sizes, comma-separated, e.g. 10k,100k,1m (default ${defaults.scales.map(scaleLabel).join(",")})
  --runs <n>       runs per figure (default ${defaults.runs})
  --seed <n>       the simulated roll's seed (default 7)
  --no-wait        above 10k rows, do not wait for a quiet machine
  --dry            print the figures, do not write RESULTS.md
${extraOptions}  -h, --help       show this help`;
}

export function parseBenchArgs(argv: readonly string[], defaults: Defaults): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rows: { type: "string" },
        runs: { type: "string" },
        seed: { type: "string" },
        "no-wait": { type: "boolean" },
        dry: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const scales = values.rows ? values.rows.split(",").map(parseScale) : defaults.scales;
  const runs = values.runs ? Number(values.runs) : defaults.runs;
  if (!Number.isInteger(runs) || runs < 1) throw new BenchUsageError(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
  const seed = values.seed ? Number(values.seed) : 7;
  if (!Number.isInteger(seed) || seed < 0) throw new BenchUsageError(`--seed must be a whole number, got "${values.seed}"`);
  return { scales, runs, wait: !values["no-wait"], seed, write: !values.dry };
}

/** For the benchmark script: its flags, or the usage (exit 0) for --help, or the error and the usage (exit 2). */
export function readBenchArgs<T>(usage: string, argv: readonly string[], parse: (argv: readonly string[]) => T): T {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parse(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`error: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
}

/** "10k", "1m" or "100000". */
export function parseScale(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new BenchUsageError(`--rows takes numbers like 10k,100k,1m, got "${text}"`);
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * factor);
}

export function scaleLabel(rows: number): string {
  return rows >= 1_000_000 ? `${rows / 1_000_000}M` : rows >= 1_000 ? `${rows / 1_000}k` : String(rows);
}
