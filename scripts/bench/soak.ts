// npm run bench:soak -- [--rows 1m] [--no-wait] [--dry]
// 64 connections for 60 s each on the list, search and export endpoints: errors (non-2xx,
// resets, timeouts), p99 and the server's peak memory.
import { benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { loadAverage, machineLine, processMemory, today, waitForQuietMachine } from "./lib/machine";
import { sampleMemory } from "./lib/memory-sampler";
import { querySamples } from "./lib/query-samples";
import { writeResultsSection } from "./lib/results-file";
import { rollDatabase } from "./lib/roll-database";
import { startAppServer } from "./lib/server-process";
import { formatNumber } from "./lib/summary-stats";
import { errorCount, wrkLoad } from "./lib/wrk-load";

const DEFAULTS = { scales: [1_000_000], runs: 1 };
const args = readBenchArgs(benchUsage("soak", DEFAULTS), process.argv.slice(2), (argv) => parseBenchArgs(argv, DEFAULTS));
const CONNECTIONS = 64;
const SECONDS = 60;
const TIMEOUT_SECONDS = 30;

for (const rows of args.scales) {
  const database = await rollDatabase(rows, args.seed);
  const samples = querySamples(database.url);
  const app = await startAppServer(database.url);
  const q = [...samples.addressFragments, ...samples.legalFragments, ...samples.rateNumberPrefixes];
  const soaks = [
    { name: "list", label: "list (suburb, sort -marketValue, limit 50)", paths: samples.suburbs.map((s) => `/api/valuations?suburb=${encodeURIComponent(s)}&sort=-marketValue&limit=50`) },
    { name: "search", label: "q search (address, legal description, rate-number prefix mixed)", paths: q.map((text) => `/api/valuations?q=${encodeURIComponent(text)}&limit=50`) },
    { name: "export", label: "CSV export of one suburb (every suburb in turn)", paths: samples.suburbs.map((s) => `/api/valuations?format=csv&suburb=${encodeURIComponent(s)}`) },
  ];
  const lines: string[] = [];
  try {
    for (const soak of soaks) {
      const load = args.wait ? await waitForQuietMachine(rows) : loadAverage();
      const memory = sampleMemory(app.pid);
      const figures = await wrkLoad({ baseUrl: app.url, paths: soak.paths, connections: CONNECTIONS, seconds: SECONDS, timeoutSeconds: TIMEOUT_SECONDS, name: `soak-${soak.name}` });
      const peak = memory.stop().peakMb;
      const e = figures.errors;
      console.log(`${soak.name}: ${figures.requests} requests, ${errorCount(figures)} errors, p99 ${figures.p99Ms} ms, peak RSS ${peak} MB`);
      lines.push(
        `| ${soak.label} | ${formatNumber(figures.requests)} (${formatNumber(figures.requestsPerSecond, 1)}/s) | ${errorCount(figures)} (status ${e.status}, connect ${e.connect}, read ${e.read}, write ${e.write}, timeout ${e.timeout}) | ` +
          `${formatNumber(figures.p50Ms, 1)} / ${formatNumber(figures.p99Ms, 1)} / ${formatNumber(figures.maxMs, 1)} | ${formatNumber(peak)} | ${load.toFixed(2)} | ${errorCount(figures) === 0 ? "met" : "missed"} |`,
      );
    }
  } finally {
    lines.push("", `Server peak RSS over the whole soak (VmHWM): ${formatNumber(processMemory(app.pid).peakMb)} MB.`);
    await app.stop();
  }
  const report = [
    `## Soak at ${scaleLabel(rows)} rows (\`npm run bench:soak\`)`,
    "",
    `Measured ${today()} on ${machineLine(database.url)}; Next build ${app.buildId}. wrk, 2 threads, ${CONNECTIONS} connections, ${SECONDS} s per endpoint,`,
    `client timeout ${TIMEOUT_SECONDS} s. An export soak of the whole 1M-row roll per request would complete a handful of requests in 60 s, so the export`,
    "soak downloads one suburb's CSV per request (every suburb in turn); the whole-roll export is `bench:export`.",
    "",
    "| endpoint | requests | errors (non-2xx, resets, timeouts) | p50 / p99 / max ms | server peak RSS MB | load avg at start | zero errors |",
    "|---|---|---|---|---|---|---|",
    ...lines,
  ].join("\n");
  console.log(`\n${report}`);
  if (args.write) writeResultsSection(`soak-${scaleLabel(rows)}`, report);
}
