import type pg from "pg";
import type { SearchOptions } from "./build-filter-conditions";
import type { CursorPosition } from "./cursor";
import { readBatch } from "./list-valuations";
import type { ValuationFilters } from "./list-query-schema";
import { serialiseValuation } from "./serialise-valuation";
import type { Sort } from "./sort-fields";
import type { Valuation } from "./valuation-schema";
import { csvHeader, csvRecord } from "./valuation-csv";

// Streams every row of a listing, in the listing's order, as CSV or NDJSON. Batched keyset reads
// (the list's own query) inside one read-only REPEATABLE READ transaction: one consistent
// snapshot, one batch in memory at a time, and a reader that goes away stops the reading.

export type ExportFormat = "csv" | "ndjson";
export const EXPORT_BATCH_SIZE = 1000;

const encoder = new TextEncoder();

function encodeRow(format: ExportFormat, valuation: Valuation): string {
  return format === "csv" ? csvRecord(valuation) : `${JSON.stringify(valuation)}\n`;
}

export function exportValuations(
  pool: pg.Pool,
  request: { filters: ValuationFilters; sort: Sort; format: ExportFormat },
  options: SearchOptions & { batchSize?: number; onError?: (error: unknown) => void },
): ReadableStream<Uint8Array> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  let client: pg.PoolClient | null = null;
  let after: CursorPosition | undefined;
  let done = false;

  async function finish(commit: boolean): Promise<void> {
    if (!client) return;
    const current = client;
    client = null;
    try {
      await current.query(commit ? "COMMIT" : "ROLLBACK");
      current.release();
    } catch (error) {
      current.release(error instanceof Error ? error : true);
    }
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!client) {
            client = await pool.connect();
            await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            if (request.format === "csv") controller.enqueue(encoder.encode(csvHeader()));
          }
          const batch = await readBatch(
            client,
            { filters: request.filters, sort: request.sort, limit: batchSize, ...(after ? { after } : {}) },
            options,
          );
          if (done) return finish(false);
          if (batch.rows.length > 0) {
            controller.enqueue(encoder.encode(batch.rows.map((row) => encodeRow(request.format, serialiseValuation(row))).join("")));
          }
          if (batch.next) {
            after = batch.next;
          } else {
            done = true;
            await finish(true);
            controller.close();
          }
        } catch (error) {
          done = true;
          await finish(false);
          options.onError?.(error);
          controller.error(error);
        }
      },
      async cancel() {
        done = true;
        await finish(false);
      },
    },
    { highWaterMark: 1 },
  );
}
