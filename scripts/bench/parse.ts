// npm run bench:parse -- [--rows 10k,100k] [--runs 5] [--no-wait] [--dry]
// Result rows per second parsed from the simulator's results pages: our parser (htmlparser2's
// streaming events, plus the normaliser) against Python BeautifulSoup html.parser on the same files.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { normaliseRow } from "@/lib/scraper/normalise-row";
import { parseResultsPage } from "@/lib/scraper/parse-results";
import { benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { DEFAULT_SERVER_URL } from "./lib/bench-database";
import { loadAverage, machineLine, today, waitForQuietMachine } from "./lib/machine";
import { writeResultsSection } from "./lib/results-file";
import { WORK_DIR } from "./lib/roll-rows";
import { simulatedRoll } from "./lib/simulated-pages";
import { formatNumber, formatSummary, summarise } from "./lib/summary-stats";

const PYTHON = "/usr/bin/python3"; // Debian's, where python3-bs4 is installed

const DEFAULTS = { scales: [10_000], runs: 5 };
const args = readBenchArgs(benchUsage("parse", DEFAULTS), process.argv.slice(2), (argv) => parseBenchArgs(argv, DEFAULTS));

async function pagesDir(rows: number, seed: number): Promise<string> {
  const dir = path.join(WORK_DIR, `pages-${rows}-seed${seed}`);
  if (existsSync(dir)) return dir;
  const roll = await simulatedRoll(rows, seed);
  mkdirSync(`${dir}.partial`, { recursive: true });
  roll.tasks.forEach((task, index) => {
    writeFileSync(path.join(`${dir}.partial`, `${String(index).padStart(5, "0")}-${task.titleType}-${task.suburbId}.html`), roll.render(task));
  });
  renameSync(`${dir}.partial`, dir);
  return dir;
}

function ourRun(pages: string[], normalise: boolean): { rows: number; seconds: number } {
  let rows = 0;
  const started = performance.now();
  for (const html of pages) {
    const page = parseResultsPage(html);
    if (page.kind !== "rows") continue;
    rows += page.rows.length;
    if (normalise) for (const row of page.rows) normaliseRow(row, { roll: "gv2022", titleType: "full", suburbId: "1", suburbName: "X" });
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

const sections: string[] = [];
for (const rows of args.scales) {
  const dir = await pagesDir(rows, args.seed);
  const files = readdirSync(dir).filter((name) => name.endsWith(".html")).sort();
  const pages = files.map((name) => readFileSync(path.join(dir, name), "utf8"));
  const megabytes = pages.reduce((sum, html) => sum + Buffer.byteLength(html), 0) / 1e6;
  const load = args.wait ? await waitForQuietMachine(rows) : loadAverage();
  ourRun(pages, true); // warm-up: JIT and caches, not recorded
  const parseOnly: number[] = [];
  const withNormalise: number[] = [];
  for (let run = 0; run < args.runs; run += 1) {
    const a = ourRun(pages, false);
    parseOnly.push(a.rows / a.seconds);
    const b = ourRun(pages, true);
    withNormalise.push(b.rows / b.seconds);
  }
  const python = execFileSync(PYTHON, [path.join(import.meta.dirname, "parse-bs4.py"), dir, String(args.runs)], { encoding: "utf8", maxBuffer: 1 << 24 })
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { rows: number; seconds: number });
  const bs4 = summarise(python.map((run) => run.rows / run.seconds));
  const ours = summarise(parseOnly);
  const full = summarise(withNormalise);
  const loadAfter = loadAverage();
  const line = `${scaleLabel(rows)}: ours ${formatNumber(ours.median)} rows/s (with normalise ${formatNumber(full.median)}), BeautifulSoup ${formatNumber(bs4.median)} rows/s`;
  console.log(line);
  sections.push(
    [
      `### ${scaleLabel(rows)}-row roll: ${files.length} pages, ${formatNumber(megabytes, 1)} MB of HTML, ${formatNumber(python[0]?.rows ?? 0)} rows per pass (load average ${load.toFixed(2)} before, ${loadAfter.toFixed(2)} after)`,
      "",
      "| parser | rows/s: median (min–max, spread) |",
      "|---|---|",
      `| ours: \`parseResultsPage\` (htmlparser2 events, no DOM, with layout checks) | ${formatSummary(ours)} |`,
      `| ours: \`parseResultsPage\` + \`normaliseRow\` (what the scraper does per page) | ${formatSummary(full)} |`,
      `| baseline: ${execFileSync(PYTHON, ["--version"], { encoding: "utf8" }).trim()}, BeautifulSoup 4 \`html.parser\` | ${formatSummary(bs4)} |`,
      "",
      `Parse alone = **${formatNumber(ours.median / bs4.median, 1)}×** the baseline; with normalising **${formatNumber(full.median / bs4.median, 1)}×** (target ≥ 10×: ${full.median / bs4.median >= 10 ? "met" : ours.median / bs4.median >= 10 ? "met for parsing, missed with normalising" : "missed"}).`,
    ].join("\n"),
  );
}

const report = [
  "## Parse (`npm run bench:parse`)",
  "",
  `Measured ${today()} on ${machineLine(DEFAULT_SERVER_URL)}. Pages are rendered once by the simulator and saved under ${WORK_DIR};`,
  "each run parses all of them from memory in one process (reading files is not timed; one warm-up pass for Node first).",
  "The baseline (`scripts/bench/parse-bs4.py`) extracts the same eight cells and profile id per row.",
  "",
  ...sections,
].join("\n");
console.log(`\n${report}`);
if (args.write) writeResultsSection(`parse-${args.scales.map(scaleLabel).join("-")}`, report);
