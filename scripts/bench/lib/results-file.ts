import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// RESULTS.md holds one section per benchmark between markers, so each script rewrites its own
// section and leaves the others' figures alone.

export const RESULTS_PATH = path.join(import.meta.dirname, "..", "RESULTS.md");

export function writeResultsSection(name: string, markdown: string, file = RESULTS_PATH): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
