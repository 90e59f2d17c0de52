import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, renameSync } from "node:fs";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import type { NormalisedValuation } from "@/lib/scraper/normalise-row";
import { readRollRows } from "./roll-rows";

// The physical baseline for ingest: the same rows, as our store would write them, loaded with
// COPY (psql's \copy) into a table with our exact columns and indexes, and into an unlogged table
// with none (the most PostgreSQL can take in).

export const COPY_COLUMNS = [
  "roll", "title_type", "rate_number", "suburb_id", "suburb_name", "pin", "displayed", "legal_description",
  "erf_number", "portion_number", "is_remainder", "township", "is_farm", "scheme_name", "section_number",
  "address", "street_number", "street_name", "locality", "first_owner", "use_code", "use_description",
  "rating_category", "market_value", "registered_extent", "search_text", "first_seen_at", "last_seen_at",
  "last_changed_at", "first_seen_run_id", "last_seen_run_id",
] as const;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function csvLine(row: NormalisedValuation, at: string): string {
  const values: unknown[] = [
    "gv2022", row.titleType, row.rateNumber, row.suburbId, row.suburbName, row.pin, row.displayed, row.legalDescription,
    row.erfNumber, row.portionNumber, row.isRemainder, row.township, row.isFarm, row.schemeName, row.sectionNumber,
    row.address, row.streetNumber, row.streetName, row.locality, row.firstOwner, row.useCode, row.useDescription,
    row.ratingCategory, row.marketValue, row.registeredExtent, row.searchText, at, at, at, 1, 1,
  ];
  return `${values.map(csvField).join(",")}\n`;
}

/** The roll's rows as CSV in COPY_COLUMNS order (deduplicated per task as the store does). */
export async function copyCsvFile(rowsFile: string): Promise<string> {
  const file = rowsFile.replace(/\.ndjson$/, ".csv");
  if (existsSync(file)) return file;
  const at = new Date().toISOString();
  const out = createWriteStream(`${file}.partial`);
  for await (const task of readRollRows(rowsFile)) {
    const unique = [...new Map(task.rows.map((row) => [row.rateNumber, row])).values()];
    for (const row of unique) if (!out.write(csvLine(row, at))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  renameSync(`${file}.partial`, file);
  return file;
}

export function prepareCopyTables(databaseUrl: string): void {
  psql(databaseUrl, `DROP TABLE IF EXISTS copy_indexed, copy_unlogged;
    CREATE TABLE copy_indexed (LIKE valuations INCLUDING ALL);
    CREATE UNLOGGED TABLE copy_unlogged (LIKE valuations INCLUDING DEFAULTS);
    -- LIKE copies no storage parameters; the indexed baseline gets valuations' own (its fillfactor).
    DO $$ DECLARE options text; BEGIN
      SELECT array_to_string(reloptions, ', ') INTO options FROM pg_class WHERE oid = 'valuations'::regclass;
      IF options IS NOT NULL THEN EXECUTE format('ALTER TABLE copy_indexed SET (%s)', options); END IF;
    END $$;`);
}

/** Milliseconds to COPY the file into `table` (emptied first, outside the timing). */
export function timeCopy(databaseUrl: string, table: "copy_indexed" | "copy_unlogged", csvFile: string): number {
  psql(databaseUrl, `TRUNCATE ${table}; CHECKPOINT;`);
  const started = performance.now();
  psql(databaseUrl, `\\copy ${table} (${COPY_COLUMNS.join(", ")}) FROM '${csvFile}' WITH (FORMAT csv)`);
  return performance.now() - started;
}

export function psql(databaseUrl: string, command: string): string {
  return execFileSync("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", command], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" },
  });
}

