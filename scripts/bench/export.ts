// npm run bench:export -- [--rows 1m] [--runs 3] [--no-wait] [--dry]
// CSV export of the whole roll through GET /api/valuations?format=csv against
// COPY (SELECT …) TO STDOUT of the same columns in the same order, and the server's memory.
import { spawn } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { CSV_FIELD_NAMES, VALUATION_FIELDS } from "@/lib/valuations/valuation-fields";
import { benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { loadAverage, machineLine, today, waitForQuietMachine } from "./lib/machine";
import { sampleMemory } from "./lib/memory-sampler";
import { writeResultsSection } from "./lib/results-file";
import { rollDatabase } from "./lib/roll-database";
import { startAppServer } from "./lib/server-process";
import { formatNumber, formatSummary, summarise } from "./lib/summary-stats";

const DEFAULTS = { scales: [10_000], runs: 3 };
const args = readBenchArgs(benchUsage("export", DEFAULTS), process.argv.slice(2), (argv) => parseBenchArgs(argv, DEFAULTS));

// The CSV export's columns (lib/valuations/valuation-fields.ts) and order (rate number, then id).
const COPY_SQL = `COPY (SELECT ${CSV_FIELD_NAMES.map((name) => VALUATION_FIELDS[name].column).join(", ")}
  FROM valuations WHERE roll = 'gv2022' AND removed_at IS NULL ORDER BY rate_number, id) TO STDOUT WITH (FORMAT csv, HEADER)`;

type Transfer = { lines: number; bytes: number; seconds: number };

function countLines(chunk: Uint8Array): number {
  let lines = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  return lines;
}

// Read with node:http, so the bytes on the wire are counted and the encoding is ours to choose:
// identity is the like-for-like figure against COPY's plain text; gzip is what a browser asks for
// (fetch asks for it too, and Next compresses the stream).
async function httpExport(url: string, encoding: "identity" | "gzip"): Promise<Transfer> {
  const started = performance.now();
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(url, { headers: { "Accept-Encoding": encoding } }, resolve).on("error", reject);
  });
  if (response.statusCode !== 200) throw new Error(`export answered ${response.statusCode}`);
  if ((response.headers["content-encoding"] ?? "identity") !== encoding) throw new Error(`asked for ${encoding}, got ${response.headers["content-encoding"]}`);
  let bytes = 0;
  response.on("data", (chunk: Buffer) => {
    bytes += chunk.byteLength;
  });
  const body: AsyncIterable<Buffer> = encoding === "gzip" ? response.pipe(zlib.createGunzip()) : response;
  let lines = 0;
  for await (const chunk of body) lines += countLines(chunk);
  return { lines, bytes, seconds: (performance.now() - started) / 1000 };
}

async function copyExport(databaseUrl: string): Promise<Transfer> {
  const started = performance.now();
  const child = spawn("psql", [databaseUrl, "-qAt", "-c", COPY_SQL], { stdio: ["ignore", "pipe", "inherit"] });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    lines += countLines(chunk);
    bytes += chunk.byteLength;
  }
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`psql COPY exited with ${code}`);
  return { lines, bytes, seconds: (performance.now() - started) / 1000 };
}

for (const rows of args.scales) {
  const database = await rollDatabase(rows, args.seed);
  const app = await startAppServer(database.url);
  const appRates: number[] = [];
  const copyRates: number[] = [];
  const peaks: number[] = [];
  const loads: number[] = [];
  const gzipRates: number[] = [];
  let sizes = { app: 0, gzip: 0, copy: 0, rows: 0 };
  try {
    await httpExport(`${app.url}/api/valuations?format=csv&suburb=${encodeURIComponent("x")}`, "identity"); // warm the route, not recorded
    for (let run = 0; run < args.runs; run += 1) {
      loads.push(args.wait ? await waitForQuietMachine(rows) : loadAverage());
      const memory = sampleMemory(app.pid);
      const exported = await httpExport(`${app.url}/api/valuations?format=csv`, "identity");
      const gzipped = await httpExport(`${app.url}/api/valuations?format=csv`, "gzip");
      peaks.push(memory.stop().peakMb);
      const copied = await copyExport(database.url);
      if (exported.lines !== copied.lines || gzipped.lines !== copied.lines) {
        throw new Error(`the export has ${exported.lines} lines (${gzipped.lines} gzipped), COPY ${copied.lines}`);
      }
      sizes = { app: exported.bytes, gzip: gzipped.bytes, copy: copied.bytes, rows: exported.lines - 1 };
      appRates.push(sizes.rows / exported.seconds);
      gzipRates.push(sizes.rows / gzipped.seconds);
      copyRates.push(sizes.rows / copied.seconds);
      console.log(`${scaleLabel(rows)} run ${run + 1}: export ${formatNumber(appRates.at(-1)!)} rows/s, gzipped ${formatNumber(gzipRates.at(-1)!)} rows/s (peak RSS ${formatNumber(peaks.at(-1)!)} MB), COPY ${formatNumber(copyRates.at(-1)!)} rows/s`);
    }
  } finally {
    await app.stop();
  }
  const ours = summarise(appRates);
  const copy = summarise(copyRates);
  const peak = Math.max(...peaks);
  const ratio = (ours.median / copy.median) * 100;
  const report = [
    `## CSV export at ${scaleLabel(rows)} rows (\`npm run bench:export\`)`,
    "",
    `Measured ${today()} on ${machineLine(database.url)}; Next build ${app.buildId}. One client reads the whole body, uncompressed then gzipped; server RSS sampled every 100 ms over both.`,
    `Load average before each run: ${loads.map((l) => l.toFixed(2)).join(", ")}.`,
    "",
    "| figure | rows/s: median (min–max, spread) | bytes |",
    "|---|---|---|",
    `| \`GET /api/valuations?format=csv\` (${formatNumber(sizes.rows)} rows), \`Accept-Encoding: identity\` | ${formatSummary(ours)} | ${formatNumber(sizes.app / 1e6, 1)} MB |`,
    `| the same with \`Accept-Encoding: gzip\` (as browsers and fetch ask; Next compresses the stream) | ${formatSummary(summarise(gzipRates))} | ${formatNumber(sizes.gzip / 1e6, 1)} MB on the wire |`,
    `| baseline: \`COPY (SELECT …same columns… ORDER BY rate_number, id) TO STDOUT\` via psql | ${formatSummary(copy)} | ${formatNumber(sizes.copy / 1e6, 1)} MB |`,
    "",
    `Export = **${formatNumber(ratio)} %** of COPY (target ≥ 50 %: ${ratio >= 50 ? "met" : "missed"}). ` +
      `Server peak RSS during the exports: ${peaks.map((p) => formatNumber(p)).join(", ")} MB (target ≤ 300 MB: ${peak <= 300 ? "met" : "missed"}).`,
  ].join("\n");
  console.log(`\n${report}`);
  if (args.write) writeResultsSection(`export-${scaleLabel(rows)}`, report);
}
