import { readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/lib/db/client";
import { normaliseRow, type NormalisedValuation } from "@/lib/scraper/normalise-row";
import type { ResultRow } from "@/lib/scraper/parse-results";
import type { DisplayedCells } from "../displayed-cells";
import { upsertValuations } from "@/lib/scraper/store/upsert-valuations";
import { parseCsv } from "@/lib/simulator/parse-csv";

// Test data for the API: the 1000 real GV2022 Full Title rows of samples/, stored through the
// scraper's own normaliser and store, plus generated rows for what the sample lacks: Sectional
// Title (some sharing a rate number with a Full Title row), an older roll with overlapping rate
// numbers, ties on sort keys, empty values, removed rows, changes recorded by a second run.

export type SeedSummary = {
  /** Rows per roll and title type, removed ones included. */
  counts: Record<string, number>;
  removed: string[];
  /** On gv2022 as both Full and Sectional Title. */
  ambiguous: string;
  /** gv2022 Full Title rows whose value a second run changed. */
  changed: string[];
  /** On gv2022 and gv2017 (Full Title). */
  crossRoll: string;
  lastRunFinishedAt: Date;
};

const SAMPLE = path.join(import.meta.dirname, "..", "..", "..", "samples", "full-title-rows-ratenumber-534.csv");
const SCHEMES = path.join(import.meta.dirname, "..", "..", "..", "samples", "scheme-options.csv");

const thousands = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });

function suburbOf(address: string): { suburbId: string; suburbName: string } {
  const locality = (address.split(",").pop() ?? "").trim() || "UNKNOWN";
  let hash = 0;
  for (const character of locality) hash = (hash * 31 + character.charCodeAt(0)) % 90_000;
  return { suburbId: String(10_000 + hash), suburbName: locality };
}

function sampleRows(): ResultRow[] {
  const [, ...lines] = parseCsv(readFileSync(SAMPLE, "utf8")).filter((line) => line.length > 1);
  return lines.map((line, index) => {
    const [rateNumber = "", legalDescription = "", address = "", firstOwner = "", useCode = "", ratingCategory = "", marketValue = "", extent = ""] = line;
    const cells: DisplayedCells = {
      rateNumber,
      legalDescription,
      address,
      firstOwner,
      useCode,
      ratingCategory,
      marketValue,
      registeredExtent: extent === "" ? "" : thousands(Number(extent)),
    };
    return { cells, pin: String(500_000 + index) };
  });
}

function normalise(rows: ResultRow[], roll: string, titleType: "full" | "sectional"): NormalisedValuation[] {
  return rows.map((row) => normaliseRow(row, { roll, titleType, ...suburbOf(row.cells.address) }));
}

function sectionalRows(fullRows: ResultRow[]): ResultRow[] {
  const [, ...schemes] = parseCsv(readFileSync(SCHEMES, "utf8")).map((line) => line[1] ?? "").filter((name) => name.startsWith("SS "));
  const rows: ResultRow[] = [];
  for (let i = 0; i < 60; i += 1) {
    const scheme = schemes[(i * 37) % schemes.length] ?? "SS TEST";
    const full = fullRows[i];
    // The first three reuse a Full Title rate number: the same number on both title types.
    const rateNumber = i < 3 && full ? full.cells.rateNumber : String(70_000_000 + i * 13).padStart(8, "0");
    const value = i % 10 === 9 ? "" : thousands(450_000 + (i % 4) * 50_000); // ties every 4th, an empty one every 10th
    rows.push({
      pin: String(900_000 + i),
      cells: {
        rateNumber,
        legalDescription: `SECTION ${(i % 12) + 1} of ${scheme}`,
        address: `${i + 1} ${scheme.slice(3)}, ${i % 2 === 0 ? "PINETOWN" : "UMHLANGA"}`,
        firstOwner: i % 7 === 0 ? "" : `OWNER ${String.fromCharCode(65 + (i % 26))} TRUST`,
        useCode: i % 11 === 0 ? "" : "Sectional Title Residential (16)",
        ratingCategory: i % 11 === 0 ? "" : "Residential",
        marketValue: value,
        registeredExtent: i % 8 === 0 ? "" : thousands(60 + (i % 5) * 10.5),
      },
    });
  }
  return rows;
}

/** The gv2017 roll: every third sample row at a lower value (some empty), plus rows of its own. */
function olderRollRows(fullRows: ResultRow[]): ResultRow[] {
  const rows = fullRows
    .filter((_, index) => index % 3 === 0)
    .map((row, index) => {
      const current = Number(row.cells.marketValue.replaceAll(",", ""));
      const marketValue = index % 17 === 5 || row.cells.marketValue === "" ? "" : thousands(Math.round((current * 0.8) / 1000) * 1000);
      return { pin: row.pin, cells: { ...row.cells, marketValue } };
    });
  for (let i = 0; i < 20; i += 1) {
    rows.push({
      pin: String(800_000 + i),
      cells: {
        rateNumber: String(60_000_000 + i).padStart(8, "0"),
        legalDescription: `ERF ${3000 + i} of PINETOWN`,
        address: `${i + 1} OLD MAIN ROAD, PINETOWN`,
        firstOwner: "ETHEKWINI MUNICIPALITY",
        useCode: "Vacant Land (47)",
        ratingCategory: "Vacant Land",
        marketValue: "100,000",
        registeredExtent: "500",
      },
    });
  }
  return rows;
}

async function createRun(db: Database, roll: string, startedAt: Date): Promise<number> {
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO scrape_runs (roll, trigger, status, base_url, options, started_at, heartbeat_at)
     VALUES ($1, 'cli', 'running', 'http://127.0.0.1/', '{}', $2, $2) RETURNING id`,
    [roll, startedAt],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("no run created");
  return id;
}

async function finishRun(db: Database, runId: number, finishedAt: Date): Promise<void> {
  await db.pool.query(`UPDATE scrape_runs SET status = 'succeeded', complete = true, whole_roll = true, finished_at = $2 WHERE id = $1`, [
    runId,
    finishedAt,
  ]);
}

async function store(db: Database, runId: number, roll: string, titleType: "full" | "sectional", rows: NormalisedValuation[], now: Date) {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await upsertValuations(client, { runId, roll, titleType, rows, now });
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

export async function seedValuations(db: Database): Promise<SeedSummary> {
  const full = sampleRows();
  const sectional = sectionalRows(full);
  const older = olderRollRows(full);
  const day = (n: number) => new Date(Date.UTC(2026, 10, n, 2, 0, 0));

  const run2017 = await createRun(db, "gv2017", day(1));
  await store(db, run2017, "gv2017", "full", normalise(older, "gv2017", "full"), day(1));
  await finishRun(db, run2017, day(2));

  const first = await createRun(db, "gv2022", day(10));
  await store(db, first, "gv2022", "full", normalise(full, "gv2022", "full"), day(10));
  await store(db, first, "gv2022", "sectional", normalise(sectional, "gv2022", "sectional"), day(10));
  await finishRun(db, first, day(11));

  // A second run: ten rows re-valued (recorded as changes), then five rows gone from the roll.
  const second = await createRun(db, "gv2022", day(20));
  const changedRows = full.filter((row) => row.cells.marketValue !== "").slice(100, 110);
  const revalued = changedRows.map((row) => ({
    ...row,
    cells: { ...row.cells, marketValue: thousands(Number(row.cells.marketValue.replaceAll(",", "")) + 25_000) },
  }));
  await store(db, second, "gv2022", "full", normalise(revalued, "gv2022", "full"), day(20));
  const removed = full.slice(200, 205).map((row) => row.cells.rateNumber);
  await db.pool.query(
    `WITH gone AS (
       UPDATE valuations SET removed_at = $3 WHERE roll = 'gv2022' AND title_type = 'full' AND rate_number = ANY($1::text[]) RETURNING id
     )
     INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, changed_at) SELECT id, $2, 'removed', '{}', $3 FROM gone`,
    [removed, second, day(20)],
  );
  await finishRun(db, second, day(21));

  const { rows } = await db.pool.query<{ key: string; n: number }>(
    `SELECT roll || ':' || title_type AS key, count(*)::integer AS n FROM valuations GROUP BY 1`,
  );
  const crossRoll = full[3]?.cells.rateNumber;
  const ambiguous = sectional[0]?.cells.rateNumber;
  if (!crossRoll || !ambiguous) throw new Error("sample rows missing");
  await db.pool.query("ANALYZE valuations");
  return {
    counts: Object.fromEntries(rows.map((row) => [row.key, row.n])),
    removed,
    ambiguous,
    changed: changedRows.map((row) => row.cells.rateNumber),
    crossRoll,
    lastRunFinishedAt: day(21),
  };
}
