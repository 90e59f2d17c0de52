// npm run bench:api -- [--rows 10k,100k,1m] [--runs 3] [--no-wait] [--dry]
// /api/valuations list, q search (address, legal description, rate-number prefix) and detail by
// rate number, 16 connections, against a bare node:http + pg server running the same SQL.
import { existsSync } from "node:fs";
import { benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { loadAverage, machineLine, processMemory, today, waitForQuietMachine } from "./lib/machine";
import { querySamples } from "./lib/query-samples";
import { writeResultsSection } from "./lib/results-file";
import { rollDatabase } from "./lib/roll-database";
import { startAppServer, startBareServer } from "./lib/server-process";
import { formatNumber, formatSummary, median, summarise } from "./lib/summary-stats";
import { errorCount, wrkLoad, type LoadFigures } from "./lib/wrk-load";

const DEFAULTS = { scales: [10_000], runs: 3 };
const args = readBenchArgs(benchUsage("api", DEFAULTS), process.argv.slice(2), (argv) => parseBenchArgs(argv, DEFAULTS));
const CONNECTIONS = 16;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const SINGLE_SECONDS = 5;

type Endpoint = { name: string; label: string; app: string[]; bare: string[]; p95TargetMs: number; throughputTarget: boolean };

function endpoints(samples: ReturnType<typeof querySamples>): Endpoint[] {
  const list = samples.suburbs.map((suburb) => `suburb=${encodeURIComponent(suburb)}&sort=-marketValue&limit=50`);
  const search = (qs: string[]) => qs.map((q) => `q=${encodeURIComponent(q)}&limit=50`);
  const both = (name: string, label: string, queries: string[], p95TargetMs: number, throughputTarget = false): Endpoint => ({
    name,
    label,
    app: queries.map((query) => `/api/valuations?${query}`),
    bare: queries.map((query) => `/list?${query}`),
    p95TargetMs,
    throughputTarget,
  });
  return [
    both("list", "list: suburb filter, sort -marketValue, limit 50", list, 30, true),
    both("search-address", "q: address fragment (\"12 smith\")", search(samples.addressFragments), 100),
    both("search-legal", "q: legal description (\"erf 1234 westville\")", search(samples.legalFragments), 100),
    both("search-rate", "q: rate-number prefix (6 digits)", search(samples.rateNumberPrefixes), 100),
    {
      name: "detail",
      label: "detail by rate number",
      app: samples.details.map((d) => `/api/valuations/${encodeURIComponent(d.rateNumber)}?title=${d.title}`),
      bare: samples.details.map((d) => `/detail/${encodeURIComponent(d.rateNumber)}?title=${d.title}`),
      p95TargetMs: 10,
      throughputTarget: false,
    },
  ];
}

async function checkAnswers(baseUrl: string, paths: string[]): Promise<void> {
  for (const path of paths.slice(0, 5)) {
    const response = await fetch(`${baseUrl}${path}`);
    const body = (await response.json()) as { data?: unknown };
    if (response.status !== 200 || body.data === undefined) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

const ms = (value: number) => formatNumber(value, 1);
const worst = (runs: LoadFigures[]) => runs.reduce((sum, run) => sum + errorCount(run), 0);

for (const rows of args.scales) {
  const database = await rollDatabase(rows, args.seed);
  const samples = querySamples(database.url);
  const app = await startAppServer(database.url);
  const bare = await startBareServer(database.url);
  const lines: string[] = [];
  const loads: number[] = [];
  try {
    for (const endpoint of endpoints(samples)) {
      await checkAnswers(app.url, endpoint.app);
      await checkAnswers(bare.url, endpoint.bare);
      const load = { baseUrl: "", connections: CONNECTIONS, name: endpoint.name };
      await wrkLoad({ ...load, baseUrl: app.url, paths: endpoint.app, seconds: WARM_UP_SECONDS });
      await wrkLoad({ ...load, baseUrl: bare.url, paths: endpoint.bare, seconds: WARM_UP_SECONDS });
      const appRuns: LoadFigures[] = [];
      const bareRuns: LoadFigures[] = [];
      for (let run = 0; run < args.runs; run += 1) {
        loads.push(args.wait ? await waitForQuietMachine(rows) : loadAverage());
        appRuns.push(await wrkLoad({ ...load, baseUrl: app.url, paths: endpoint.app, seconds: SECONDS }));
        bareRuns.push(await wrkLoad({ ...load, baseUrl: bare.url, paths: endpoint.bare, seconds: SECONDS }));
      }
      // Service time without queueing: one connection, app and bare.
      const appSingle = await wrkLoad({ ...load, connections: 1, baseUrl: app.url, paths: endpoint.app, seconds: SINGLE_SECONDS });
      const bareSingle = await wrkLoad({ ...load, connections: 1, baseUrl: bare.url, paths: endpoint.bare, seconds: SINGLE_SECONDS });
      const appRps = summarise(appRuns.map((r) => r.requestsPerSecond));
      const bareRps = summarise(bareRuns.map((r) => r.requestsPerSecond));
      const p = (runs: LoadFigures[], key: "p50Ms" | "p95Ms" | "p99Ms") => median(runs.map((r) => r[key]));
      const ratio = (appRps.median / bareRps.median) * 100;
      const p95 = p(appRuns, "p95Ms");
      const verdicts = [
        ...(endpoint.throughputTarget ? [`${formatNumber(ratio)} % of bare (≥ 60 %: ${ratio >= 60 ? "met" : "missed"})`] : [`${formatNumber(ratio)} % of bare`]),
        `p95 ${ms(p95)} ms (≤ ${endpoint.p95TargetMs} ms: ${p95 <= endpoint.p95TargetMs ? "met" : "missed"})`,
      ];
      console.log(`${scaleLabel(rows)} ${endpoint.name}: app ${formatNumber(appRps.median)} req/s p95 ${ms(p95)} ms; bare ${formatNumber(bareRps.median)} req/s p95 ${ms(p(bareRuns, "p95Ms"))} ms`);
      lines.push(
        `| ${endpoint.label} | ${formatSummary(appRps)} | ${ms(p(appRuns, "p50Ms"))} / ${ms(p95)} / ${ms(p(appRuns, "p99Ms"))} | ` +
          `${formatSummary(bareRps)} | ${ms(p(bareRuns, "p50Ms"))} / ${ms(p(bareRuns, "p95Ms"))} / ${ms(p(bareRuns, "p99Ms"))} | ` +
          `${ms(appSingle.p50Ms)} / ${ms(appSingle.p95Ms)} | ${ms(bareSingle.p50Ms)} / ${ms(bareSingle.p95Ms)} | ` +
          `${worst(appRuns) + errorCount(appSingle)} / ${worst(bareRuns) + errorCount(bareSingle)} | ${verdicts.join("; ")} |`,
      );
    }
  } finally {
    const peak = (pid: number) => (existsSync(`/proc/${pid}/status`) ? formatNumber(processMemory(pid).peakMb) : "(process gone)");
    lines.push("", `App server peak RSS over the whole benchmark: ${peak(app.pid)} MB (bare: ${peak(bare.pid)} MB).`);
    await app.stop();
    await bare.stop();
  }
  const report = [
    `## API at ${scaleLabel(rows)} rows (\`npm run bench:api\`)`,
    "",
    `Measured ${today()} on ${machineLine(database.url)}; ${formatNumber(database.rows)} rows stored; Next build ${app.buildId} (standalone, \`NODE_ENV=production\`, rate limit raised out of the way).`,
    `wrk, 2 threads, ${CONNECTIONS} connections, ${SECONDS} s per run after a ${WARM_UP_SECONDS} s warm-up, app and bare runs interleaved; each run cycles through`,
    `${samples.suburbs.length} suburbs / ~40 search strings / ${samples.details.length} rate numbers drawn from the data. Latencies: medians over runs of each run's percentile;`,
    `the 1-connection columns are one ${SINGLE_SECONDS} s run each (service time without queueing).`,
    `Load average before each run: ${loads.map((l) => l.toFixed(2)).join(", ")}.`,
    "",
    `| endpoint | app req/s at ${CONNECTIONS} conn.: median (min–max, spread) | app p50 / p95 / p99 ms | bare req/s | bare p50 / p95 / p99 ms | app p50 / p95 ms at 1 conn. | bare p50 / p95 ms at 1 conn. | errors app / bare | against target (${CONNECTIONS} conn.) |`,
    "|---|---|---|---|---|---|---|---|---|",
    ...lines,
  ].join("\n");
  console.log(`\n${report}`);
  if (args.write) writeResultsSection(`api-${scaleLabel(rows)}`, report);
}
