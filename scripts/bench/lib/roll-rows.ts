import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { TitleType } from "@/lib/generated/prisma/enums";
import { normaliseRow, type NormalisedValuation } from "@/lib/scraper/normalise-row";
import { parseResultsPage } from "@/lib/scraper/parse-results";
import { searchResultPath } from "@/lib/scraper/site-urls";
import { simulatedRoll } from "./simulated-pages";

// The scraper's parsed and normalised rows of a simulated roll, one task (title type × suburb) per
// line of an NDJSON file under /tmp: built once per scale and seed, then replayed by the ingest
// and seeding code, so a 1M-row store run is not also a 1M-row parse run.

export const WORK_DIR = "/tmp/dvre-bench";

export type TaskRows = { titleType: TitleType; suburbId: string; suburbName: string; url: string; expected: number; rows: NormalisedValuation[] };

export async function rollRowsFile(rows: number, seed: number): Promise<string> {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = `${WORK_DIR}/rows-${rows}-seed${seed}.ndjson`;
  if (existsSync(file)) return file;
  const roll = await simulatedRoll(rows, seed);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  for (const task of roll.tasks) {
    const page = parseResultsPage(roll.render(task));
    const parsed = page.kind === "rows" ? page.rows : [];
    const context = { roll: "gv2022", ...task };
    const line: TaskRows = {
      ...task,
      url: searchResultPath(task),
      expected: page.kind === "rows" ? page.total : 0,
      rows: parsed.map((row) => normaliseRow(row, context)),
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  renameSync(partial, file);
  return file;
}

export async function* readRollRows(file: string): AsyncGenerator<TaskRows> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line !== "") yield JSON.parse(line) as TaskRows;
  }
}
