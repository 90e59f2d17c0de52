import type { Database } from "@/lib/db/client";
import { normaliseRow } from "@/lib/scraper/normalise-row";
import { inTransaction } from "@/lib/scraper/store/in-transaction";
import { upsertValuations } from "@/lib/scraper/store/upsert-valuations";

// Hand-made properties of a roll, stored through the scraper's own normaliser and store (as a
// finished, complete run), for the integration tests of linking and comparing rolls.

export type HandRow = {
  titleType: "full" | "sectional";
  rateNumber: string;
  legalDescription: string;
  suburb: string;
  /** Whole rand, or null for an empty cell. */
  value: number | null;
  use?: string;
  category?: string;
  /** Default "<rate number> MAIN ROAD, <suburb>": a street address of its own. */
  address?: string;
  /** Square metres, default 500. */
  extent?: number;
};

const SUBURB_IDS: Record<string, string> = { PINETOWN: "10001", KINGSBURGH: "10002", UMHLANGA: "10003" };

export async function storeRoll(db: Database, roll: string, rows: HandRow[], finishedAt = new Date()): Promise<void> {
  const { rows: runs } = await db.pool.query<{ id: number }>(
    `INSERT INTO scrape_runs (roll, trigger, status, base_url, options, started_at, heartbeat_at, finished_at, complete, whole_roll)
     VALUES ($1, 'cli', 'succeeded', 'http://127.0.0.1/', '{}', $2, $2, $2, true, true) RETURNING id`,
    [roll, finishedAt],
  );
  const runId = runs[0]!.id;
  for (const titleType of ["full", "sectional"] as const) {
    for (const suburbName of new Set(rows.map((row) => row.suburb))) {
      const normalised = rows
        .filter((row) => row.titleType === titleType && row.suburb === suburbName)
        .map((row) =>
          normaliseRow(
            {
              pin: null,
              cells: {
                rateNumber: row.rateNumber,
                legalDescription: row.legalDescription,
                address: row.address ?? `${Number(row.rateNumber)} MAIN ROAD, ${suburbName}`,
                firstOwner: "",
                useCode: row.use ?? "Single Residential (15)",
                ratingCategory: row.category ?? "Residential",
                marketValue: row.value === null ? "" : row.value.toLocaleString("en-US"),
                registeredExtent: String(row.extent ?? 500),
              },
            },
            { roll, titleType, suburbId: SUBURB_IDS[suburbName] ?? "10009", suburbName },
          ),
        );
      if (normalised.length === 0) continue;
      await inTransaction(db.pool, (client) => upsertValuations(client, { runId, roll, titleType, rows: normalised, now: finishedAt }));
    }
  }
}
