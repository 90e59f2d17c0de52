// npm run bench:ingest -- [--rows 10k,100k,1m] [--runs 3] [--no-wait] [--dry]
// Ingest rows/s through the scraper's store (first load, then a re-load with nothing changed)
// against COPY of the same rows into a table with our columns and indexes, and into an unlogged
// table without indexes. Every run starts from empty tables.
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { createBenchDatabase, dropBenchDatabase } from "./lib/bench-database";
import { benchUsage, parseBenchArgs, readBenchArgs, scaleLabel } from "./lib/bench-args";
import { copyCsvFile, prepareCopyTables, psql, timeCopy } from "./lib/copy-baseline";
import { loadRoll } from "./lib/load-roll";
import { loadAverage, machineLine, today, waitForQuietMachine } from "./lib/machine";
import { writeResultsSection } from "./lib/results-file";
import { rollRowsFile } from "./lib/roll-rows";
import { formatNumber, formatSummary, summarise } from "./lib/summary-stats";

const DEFAULTS = { scales: [10_000], runs: 3 };
const args = readBenchArgs(benchUsage("ingest", DEFAULTS), process.argv.slice(2), (argv) => parseBenchArgs(argv, DEFAULTS));

const perSecond = (rows: number, ms: number) => (rows / ms) * 1000;
const sections: string[] = [];
let machine = "";

for (const rows of args.scales) {
  const rowsFile = await rollRowsFile(rows, args.seed);
  const csvFile = await copyCsvFile(rowsFile);
  const url = await createBenchDatabase("ingest");
  machine ||= machineLine(url);
  prepareCopyTables(url);
  const db = createDatabase(url, 4);
  const figures = { first: [] as number[], reload: [] as number[], copyIndexed: [] as number[], copyUnlogged: [] as number[], loads: [] as number[] };
  let stored = 0;
  try {
    for (let run = 1; run <= args.runs; run += 1) {
      const load = args.wait ? await waitForQuietMachine(rows) : loadAverage();
      figures.loads.push(load);
      psql(url, "TRUNCATE valuations, valuation_changes, scrape_tasks, scrape_runs RESTART IDENTITY CASCADE; CHECKPOINT;");
      const first = await loadRoll(db, url, rowsFile);
      psql(url, "CHECKPOINT;");
      const reload = await loadRoll(db, url, rowsFile);
      if (reload.unchanged !== first.rows - (first.rows - first.added) || reload.added !== 0) {
        throw new Error(`re-load was not a no-op: ${JSON.stringify(reload)}`);
      }
      stored = first.added;
      const copyIndexed = timeCopy(url, "copy_indexed", csvFile);
      const copyUnlogged = timeCopy(url, "copy_unlogged", csvFile);
      figures.first.push(perSecond(first.rows, first.storeMs));
      figures.reload.push(perSecond(reload.rows, reload.storeMs));
      figures.copyIndexed.push(perSecond(stored, copyIndexed));
      figures.copyUnlogged.push(perSecond(stored, copyUnlogged));
      console.log(
        `${scaleLabel(rows)} run ${run}: first ${formatNumber(figures.first.at(-1)!)} rows/s, re-load ${formatNumber(figures.reload.at(-1)!)} rows/s, ` +
          `COPY indexed ${formatNumber(figures.copyIndexed.at(-1)!)} rows/s, COPY unlogged ${formatNumber(figures.copyUnlogged.at(-1)!)} rows/s (load ${load.toFixed(2)})`,
      );
    }
  } finally {
    await closeDatabase(db);
    await dropBenchDatabase("ingest");
  }
  const first = summarise(figures.first);
  const reload = summarise(figures.reload);
  const copyIndexed = summarise(figures.copyIndexed);
  const ratio = (first.median / copyIndexed.median) * 100;
  sections.push(
    [
      `### ${scaleLabel(rows)} rows (${formatNumber(stored)} distinct stored; load average at start of each run: ${figures.loads.map((l) => l.toFixed(2)).join(", ")})`,
      "",
      "| figure | rows/s: median (min–max, spread) |",
      "|---|---|",
      `| store, first load (empty table) | ${formatSummary(first)} |`,
      `| store, re-load with nothing changed | ${formatSummary(reload)} |`,
      `| baseline: COPY into a table with our columns and indexes | ${formatSummary(copyIndexed)} |`,
      `| physical limit: COPY into an unlogged table, no indexes | ${formatSummary(summarise(figures.copyUnlogged))} |`,
      "",
      `First load = **${formatNumber(ratio)} %** of COPY into the indexed table (target ≥ 50 %: ${ratio >= 50 ? "met" : "missed"}). ` +
        `Re-load ${reload.median > first.median ? "faster" : "not faster"} than the first load (${formatNumber(reload.median / first.median, 2)}×; target: faster, ${reload.median > first.median ? "met" : "missed"}).`,
    ].join("\n"),
  );
}

const report = [
  "## Ingest (`npm run bench:ingest`)",
  "",
  `Measured ${today()} on ${machine}. Rows are the simulator's pages, parsed and normalised beforehand; the timed part is`,
  "`storeTaskResult` (one transaction per suburb task: a suburb seen for the first time is COPYed in, a re-load is one UPDATE marking rows seen; change records included) called task by task,",
  "as one scrape run each, with autovacuum's ANALYZE stood in for once a minute (`lib/auto-analyze.ts`: this server runs with autovacuum off).",
  "COPY is `psql \\copy … FROM file WITH (FORMAT csv)` of the same rows, timed as a whole process.",
  "",
  ...sections,
].join("\n");
console.log(`\n${report}`);
if (args.write) writeResultsSection(`ingest-${args.scales.map(scaleLabel).join("-")}`, report);
