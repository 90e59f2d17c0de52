// npm run bench:page -- [--rows 1m] [--runs 3] [--no-wait] [--dry]
// The search page (/): server render time to first byte, one request at a time, for the default
// listing, a q search and a suburb filter; the property page with its objection helper (and how
// many comparables it finds); and the JavaScript a first visit downloads, gzipped.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { loadAverage, machineLine, today, waitForQuietMachine } from "./lib/machine";
import { querySamples } from "./lib/query-samples";
import { writeResultsSection } from "./lib/results-file";
import { rollDatabase } from "./lib/roll-database";
import { startAppServer } from "./lib/server-process";
import { formatNumber, median, percentile } from "./lib/summary-stats";

const DEFAULTS = { scales: [10_000], runs: 3 };
const args = readBenchArgs(benchUsage("page", DEFAULTS), process.argv.slice(2), (argv) => parseBenchArgs(argv, DEFAULTS));
const REQUESTS_PER_RUN = 60;

function timeRequest(url: string): Promise<{ ttfbMs: number; totalMs: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, (response) => {
      const ttfbMs = performance.now() - started;
      response.on("data", () => {});
      response.on("end", () => resolve({ ttfbMs, totalMs: performance.now() - started, status: response.statusCode ?? 0 }));
    });
    request.on("error", reject);
  });
}

/**
 * The scripts a browser fetches to show `/`. A `nomodule` script (Next's polyfills for browsers
 * without ES modules) is left out and weighed apart: every browser that runs modules skips it.
 */
async function firstLoadJavaScript(baseUrl: string): Promise<{ files: number; rawKb: number; gzipKb: number; largest: string; noModuleGzipKb: number }> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const sources = new Set<string>();
  const noModule = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)) (/\snomodule\b/i.test(match[0]) ? noModule : sources).add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="(?:modulepreload|preload)"[^>]*>/g)) {
    const tag = match[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href && (/as="script"/.test(tag) || tag.includes("modulepreload") || href.endsWith(".js"))) sources.add(href);
  }
  const weighed = await weigh([...sources], baseUrl);
  const sizes = [...weighed].sort((a, b) => b.gzip - a.gzip);
  const largest = sizes.slice(0, 3).map(({ source, gzip }) => `${source.split("/").pop()} ${formatNumber(gzip / 1024, 1)} KB`).join(", ");
  const total = (list: { raw: number; gzip: number }[], key: "raw" | "gzip") => list.reduce((sum, size) => sum + size[key], 0) / 1024;
  return { files: sources.size, rawKb: total(weighed, "raw"), gzipKb: total(weighed, "gzip"), largest, noModuleGzipKb: total(await weigh([...noModule], baseUrl), "gzip") };
}

/** Each script's size as served and gzipped (level 6). */
async function weigh(sources: string[], baseUrl: string): Promise<{ source: string; raw: number; gzip: number }[]> {
  const sizes = [];
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source.replace(/&amp;/g, "&"), baseUrl))).arrayBuffer());
    sizes.push({ source, raw: body.length, gzip: gzipSync(body).length });
  }
  return sizes;
}

/** How many comparables the helper finds for the sampled properties, by how they were chosen. */
async function comparablesFound(baseUrl: string, details: { rateNumber: string; title: string }[]): Promise<string> {
  const counts: number[] = [];
  const kinds = new Map<string, number>();
  for (const detail of details) {
    const answer = await fetch(`${baseUrl}/api/valuations/${encodeURIComponent(detail.rateNumber)}/comparables?title=${detail.title}`);
    if (answer.status !== 200) throw new Error(`comparables of ${detail.rateNumber} answered ${answer.status}`);
    const { data } = (await answer.json()) as { data: { comparables: unknown[]; basis: { kind: string; extentBand: { min: number; max: number } | null } } };
    counts.push(data.comparables.length);
    const band = data.basis.extentBand ? `±${formatNumber((data.basis.extentBand.max / Math.sqrt(data.basis.extentBand.min * data.basis.extentBand.max) - 1) * 100)} % band` : "no band";
    const kind = `${data.basis.kind}, ${data.basis.kind === "scheme" ? "its units" : band}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  counts.sort((a, b) => a - b);
  const spread = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind}: ${n}`).join("; ");
  return `Comparables found for ${counts.length} sampled properties: median ${percentile(counts, 50)}, 10th percentile ${percentile(counts, 10)}, none for ${counts.filter((n) => n === 0).length}. How chosen: ${spread}.`;
}

for (const rows of args.scales) {
  const database = await rollDatabase(rows, args.seed);
  const samples = querySamples(database.url);
  const app = await startAppServer(database.url);
  const lines: string[] = [];
  const loads: number[] = [];
  let js;
  let comparables;
  try {
    const pages = [
      { label: "`/` (default listing)", urls: ["/"] },
      { label: "`/?q=…` (address fragments)", urls: samples.addressFragments.map((q) => `/?q=${encodeURIComponent(q)}`) },
      { label: "`/?suburb=…` sorted by value", urls: samples.suburbs.map((s) => `/?suburb=${encodeURIComponent(s)}&sort=-marketValue`) },
      { label: "`/valuations/…` (property page with its objection helper)", urls: samples.details.map((d) => `/valuations/${encodeURIComponent(d.rateNumber)}?title=${d.title}`) },
    ];
    for (const page of pages) {
      for (let i = 0; i < 5; i += 1) await timeRequest(`${app.url}${page.urls[i % page.urls.length]}`); // warm-up
      const p95s: number[] = [];
      const p50s: number[] = [];
      const totals: number[] = [];
      for (let run = 0; run < args.runs; run += 1) {
        loads.push(args.wait ? await waitForQuietMachine(rows) : loadAverage());
        const ttfb: number[] = [];
        for (let i = 0; i < REQUESTS_PER_RUN; i += 1) {
          const result = await timeRequest(`${app.url}${page.urls[i % page.urls.length]}`);
          if (result.status !== 200) throw new Error(`${page.urls[i % page.urls.length]} answered ${result.status}`);
          ttfb.push(result.ttfbMs);
          totals.push(result.totalMs);
        }
        ttfb.sort((a, b) => a - b);
        p50s.push(percentile(ttfb, 50));
        p95s.push(percentile(ttfb, 95));
      }
      const p95 = median(p95s);
      console.log(`${page.label}: TTFB p50 ${median(p50s).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      lines.push(
        `| ${page.label} | ${formatNumber(median(p50s), 1)} | ${formatNumber(p95, 1)} (runs: ${p95s.map((p) => formatNumber(p, 0)).join(", ")}) | ${formatNumber(median(totals), 1)} | ${p95 <= 150 ? "met" : "missed"} |`,
      );
    }
    js = await firstLoadJavaScript(app.url);
    comparables = await comparablesFound(app.url, samples.details);
  } finally {
    await app.stop();
  }
  const report = [
    `## Search and property pages at ${scaleLabel(rows)} rows (\`npm run bench:page\`)`,
    "",
    `Measured ${today()} on ${machineLine(database.url)}; Next build ${app.buildId} (standalone, production).`,
    `One request at a time, ${REQUESTS_PER_RUN} per run, ${args.runs} runs; TTFB = until the response head arrives. Load average before each run: ${loads.map((l) => l.toFixed(2)).join(", ")}.`,
    "",
    "| page | TTFB p50 ms | TTFB p95 ms: median of runs | whole response p50 ms | TTFB p95 ≤ 150 ms |",
    "|---|---|---|---|---|",
    ...lines,
    "",
    comparables,
    "",
    `First-load JavaScript of \`/\`: ${js.files} scripts, ${formatNumber(js.rawKb)} KB raw, **${formatNumber(js.gzipKb, 1)} KB gzipped** (gzip level 6; target ≤ 200 KB: ${js.gzipKb <= 200 ? "met" : "missed"}). Largest: ${js.largest}. Not counted: the \`nomodule\` polyfills, ${formatNumber(js.noModuleGzipKb, 1)} KB gzipped, which only a browser without ES modules fetches.`,
  ].join("\n");
  console.log(`\n${report}`);
  if (args.write) writeResultsSection(`page-${scaleLabel(rows)}`, report);
}
