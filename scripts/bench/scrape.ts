// npm run bench:scrape -- [--rows 1m] [--runs 1] [--cross-check always|never] [--no-wait] [--dry]
// A full scrape of a simulated roll, end to end (the CLI, scripts/scrape.ts, against the
// simulator over HTTP, zero delay, into an empty database), with the whole-roll cross-check by
// volume on (--cross-check always, the default) or off (never: the baseline of what it costs),
// wall time and peak RSS from /usr/bin/time -v, and what the cross-check did (pieces read, rows
// verified, agreed) from the run row.
import { execFile, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { promisify } from "node:util";
import { startAutoAnalyze } from "./lib/auto-analyze";
import { createBenchDatabase, DEFAULT_SERVER_URL, dropBenchDatabase } from "./lib/bench-database";
import { BenchUsageError, benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { psql } from "./lib/copy-baseline";
import { loadAverage, machineLine, today, waitForQuietMachine } from "./lib/machine";
import { sampleMemory } from "./lib/memory-sampler";
import { writeResultsSection } from "./lib/results-file";
import { freePort } from "./lib/server-process";
import { formatNumber, formatSummary, summarise } from "./lib/summary-stats";

const DEFAULTS = { scales: [10_000], runs: 3 };
const USAGE = benchUsage("scrape", DEFAULTS, "  --cross-check <when>  always | never: with the whole-roll cross-check or without (default always)\n");
const { crossCheckPolicy, ...args } = readBenchArgs(USAGE, process.argv.slice(2), (argv) => {
  const rest = [...argv];
  const at = rest.indexOf("--cross-check");
  const policy = at === -1 ? "always" : rest.splice(at, 2)[1];
  if (policy !== "always" && policy !== "never") throw new BenchUsageError(`--cross-check takes always or never, got "${policy ?? ""}"`);
  return { ...parseBenchArgs(rest, DEFAULTS), crossCheckPolicy: policy };
});
const PROJECT = path.resolve(import.meta.dirname, "..", "..");
const CONCURRENCY = 2; // the scraper's default
const run = promisify(execFile);
type CrossCheckFigures = { agreed: boolean; piecesFetched: number; rowsVerified: number; rowsRecovered: number };

async function startSimulatorProcess(rows: number, seed: number) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/simulate-site.ts", "--port", String(port), "--rows", String(rows), "--seed", String(seed)], {
    cwd: PROJECT,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let waited = 0; ; waited += 500) {
    if (child.exitCode !== null) throw new Error(`the simulator exited with ${child.exitCode}`);
    if (waited > 10 * 60_000) throw new Error("the simulator did not start");
    try {
      await (await fetch(url)).arrayBuffer();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return { url, pid: child.pid!, stop: () => void child.kill("SIGTERM") };
}

for (const rows of args.scales) {
  const simulator = await startSimulatorProcess(rows, args.seed);
  const seconds: number[] = [];
  const peaks: number[] = [];
  const simulatorPeaks: number[] = [];
  const loads: number[] = [];
  let stored = 0;
  const checks: CrossCheckFigures[] = [];
  const suburbPassSeconds: number[] = [];
  let url: string;
  try {
    for (let attempt = 0; attempt < args.runs; attempt += 1) {
      url = await createBenchDatabase("scrape");
      loads.push(args.wait ? await waitForQuietMachine(rows) : loadAverage());
      const simulatorMemory = sampleMemory(simulator.pid, 250);
      const analyzer = startAutoAnalyze(url);
      const started = performance.now();
      // The analyzer stops before the database is dropped, or its connection error hides why a run failed.
      const { stderr } = await run(
        "/usr/bin/time",
        ["-v", process.execPath, "--import", "tsx", "scripts/scrape.ts", "--base-url", simulator.url, "--delay-ms", "0", "--concurrency", String(CONCURRENCY), "--cross-check", crossCheckPolicy, "--json"],
        { cwd: PROJECT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, maxBuffer: 1 << 26 },
      ).finally(() => analyzer.stop());
      seconds.push((performance.now() - started) / 1000);
      simulatorPeaks.push(simulatorMemory.stop().peakMb);
      const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
      peaks.push(peakKb / 1024);
      const [count, status, complete, crossCheck, phases] = psql(
        url,
        `SELECT (SELECT count(*) FROM valuations), status, complete, cross_check::text,
                (SELECT extract(epoch FROM max(finished_at) - min(started_at))::int FROM scrape_tasks)
           FROM scrape_runs ORDER BY id DESC LIMIT 1`,
      ).trim().split("|");
      if (status !== "succeeded" || complete !== "t") throw new Error(`the scrape ended ${status} (complete: ${complete})`);
      stored = Number(count);
      checks.push(JSON.parse(crossCheck!) as CrossCheckFigures);
      suburbPassSeconds.push(Number(phases));
      console.log(`${scaleLabel(rows)} run ${attempt + 1}: ${seconds.at(-1)!.toFixed(1)} s, ${stored} rows, scraper peak RSS ${peaks.at(-1)!.toFixed(0)} MB, cross-check ${crossCheck}`);
    }
  } finally {
    simulator.stop();
    await dropBenchDatabase("scrape");
  }
  const wall = summarise(seconds);
  const peak = Math.max(...peaks);
  const checking = crossCheckPolicy === "always";
  const report = [
    `## Full scrape at ${scaleLabel(rows)} rows, cross-check ${crossCheckPolicy} (\`npm run bench:scrape -- --cross-check ${crossCheckPolicy}\`)`,
    "",
    `Measured ${today()} on ${machineLine(DEFAULT_SERVER_URL)}. \`scripts/scrape.ts --delay-ms 0 --concurrency ${CONCURRENCY}\` (the default concurrency) against`,
    "`scripts/simulate-site.ts` in its own process on the same two cores, into an empty database; discovery, every suburb of both",
    `title types, bannered suburbs re-read by volume, ${checking ? "the whole-roll cross-check by volume (`--cross-check always`)" : "no whole-roll cross-check (`--cross-check never`)"}, removal checks; autovacuum's ANALYZE stood in for (\`lib/auto-analyze.ts\`: the machine runs with autovacuum off). Load average before each run: ${loads.map((l) => l.toFixed(2)).join(", ")}.`,
    "",
    "| figure | value |",
    "|---|---|",
    `| wall time, s | ${formatSummary(wall, 1)} |`,
    `| rows stored | ${formatNumber(stored)} (${formatNumber(stored / wall.median)} rows/s) |`,
    `| scraper peak RSS (\`/usr/bin/time -v\`), MB | ${peaks.map((p) => formatNumber(p)).join(", ")} |`,
    `| simulator peak RSS (sampled), MB | ${simulatorPeaks.map((p) => formatNumber(p)).join(", ")} |`,
    `| suburb pass (first task start to last task end), s | ${suburbPassSeconds.map((p) => formatNumber(p)).join(", ")} |`,
    `| cross-check: agreed · pieces read · rows verified · recovered | ${!checking ? "not run" : checks.map((c) => `${c.agreed ? "yes" : "NO"} · ${formatNumber(c.piecesFetched)} · ${formatNumber(c.rowsVerified)} · ${formatNumber(c.rowsRecovered)}`).join("; ")} |`,
    "",
    `Target ≤ 3 min: ${wall.median <= 180 ? "met" : "missed"}; peak RSS ≤ 500 MB: ${peak <= 500 ? "met" : "missed"}.`,
  ].join("\n");
  console.log(`\n${report}`);
  if (args.write) writeResultsSection(`scrape-${scaleLabel(rows)}${checking ? "" : "-no-cross-check"}`, report);
}
