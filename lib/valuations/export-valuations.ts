import type { Readable } from "node:stream";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { BinaryCopyToCsv } from "./binary-copy-to-csv";
import type { CursorPosition } from "./cursor";
import { listOwnerFields } from "@/lib/owners/owner-suppressions";
import { buildCsvCopyQuery, csvCopyFieldTypes, type CsvExportOptions } from "./export-csv-query";
import { readBatch } from "./list-valuations";
import type { ValuationFilters } from "./list-query-schema";
import { serialiseValuation } from "./serialise-valuation";
import type { Sort } from "./sort-fields";
import { withStallTimeout, type StallGuardOptions } from "./stall-guard";
import { csvHeader } from "./valuation-csv";

// Streams every row of a listing, in the listing's order, as CSV or NDJSON, pulled as the reader
// reads (constant memory), from one consistent snapshot; a reader that goes away stops the
// reading. CSV: one COPY statement, PostgreSQL formats the values and the bytes go through
// BinaryCopyToCsv, with no row ever becoming an object. NDJSON: batched keyset reads (the list's
// own query) inside one read-only REPEATABLE READ transaction, each row serialised as the API
// serialises it.

export type ExportFormat = "csv" | "ndjson";
export const EXPORT_BATCH_SIZE = 1000;

type ExportRequest = { filters: ValuationFilters; sort: Sort; format: ExportFormat };
type ExportOptions = CsvExportOptions & { batchSize?: number; onError?: (error: unknown) => void; guard?: StallGuardOptions };

const encoder = new TextEncoder();

/** With `guard`, a reader that stops reading has its export ended (and the connection released). */
export function exportValuations(pool: pg.Pool, request: ExportRequest, options: ExportOptions): ReadableStream<Uint8Array> {
  const stream = request.format === "csv" ? exportCsv(pool, request, options) : exportNdjson(pool, request, options);
  return options.guard ? withStallTimeout(stream, options.guard) : stream;
}

// A checked-out client whose connection fails emits 'error', and an unheard 'error' event ends
// the process. The query running on it reports the failure; this listener only keeps it quiet.
const ignoreConnectionError = () => {};

async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  client.on("error", ignoreConnectionError);
  return client;
}

/** Returns the client to the pool; with an error, the pool closes it instead. */
function release(client: pg.PoolClient, error?: Error | boolean): void {
  client.off("error", ignoreConnectionError);
  client.release(error);
}

/** Commits (or rolls back) and releases the client; one the server dropped is discarded. */
async function finish(client: pg.PoolClient, commit: boolean): Promise<void> {
  try {
    await client.query(commit ? "COMMIT" : "ROLLBACK");
    release(client);
  } catch (error) {
    release(client, error instanceof Error ? error : true);
  }
}

function exportCsv(pool: pg.Pool, request: ExportRequest, options: ExportOptions): ReadableStream<Uint8Array> {
  let client: pg.PoolClient | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  let cancelled = false;
  const csv = new BinaryCopyToCsv(csvCopyFieldTypes(options.ownersInLists));

  /**
   * Gives the client up for good. Releasing a client whose query still runs closes its socket:
   * the server stops the COPY at its next write (or connection check), and the pool opens a
   * fresh connection when it needs one.
   */
  function abandon(): void {
    if (client) release(client, new Error("export cancelled by the reader"));
    client = null;
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!chunks) {
            const statement = buildCsvCopyQuery(request, options);
            client = await checkOut(pool);
            // While it sorts, the server sends nothing and so would not notice a reader gone;
            // this has it look every second.
            // No statement timeout: a whole roll takes a while, and the stall guard bounds a stuck reader.
            await client.query("BEGIN READ ONLY; SET LOCAL client_connection_check_interval = 1000; SET LOCAL statement_timeout = 0");
            if (cancelled) return abandon();
            const copy: Readable = client.query(copyTo(statement));
            // An abandoned COPY reports the closed connection as an error, after the reader left.
            copy.on("error", () => {});
            chunks = copy[Symbol.asyncIterator]();
            controller.enqueue(encoder.encode(csvHeader(options.ownersInLists)));
            return;
          }
          for (;;) {
            const next = await chunks.next();
            if (cancelled) return abandon();
            if (next.done) {
              csv.end();
              const done = client!;
              client = null;
              await finish(done, true);
              controller.close();
              return;
            }
            const records = csv.write(next.value);
            if (records.length > 0) {
              controller.enqueue(records);
              return;
            }
          }
        } catch (error) {
          if (cancelled) return abandon();
          if (client) {
            const failed = client;
            client = null;
            await finish(failed, false);
          }
          options.onError?.(error);
          controller.error(error);
        }
      },
      cancel() {
        cancelled = true;
        abandon();
      },
    },
    { highWaterMark: 1 },
  );
}

function exportNdjson(pool: pg.Pool, request: ExportRequest, options: ExportOptions): ReadableStream<Uint8Array> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  let client: pg.PoolClient | null = null;
  let after: CursorPosition | undefined;
  let done = false;

  async function end(commit: boolean): Promise<void> {
    if (!client) return;
    const current = client;
    client = null;
    await finish(current, commit);
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!client) {
            client = await checkOut(pool);
            await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = 0");
          }
          const batch = await readBatch(
            client,
            { filters: request.filters, sort: request.sort, limit: batchSize, ...(after ? { after } : {}) },
            options,
          );
          if (done) return end(false);
          const owners = await listOwnerFields(client, batch.rows, options.ownersInLists);
          if (done) return end(false);
          if (batch.rows.length > 0) {
            const lines = batch.rows.map((row, index) => `${JSON.stringify(serialiseValuation(row, owners[index]!))}\n`);
            controller.enqueue(encoder.encode(lines.join("")));
          }
          if (batch.next) {
            after = batch.next;
          } else {
            done = true;
            await end(true);
            controller.close();
          }
        } catch (error) {
          done = true;
          await end(false);
          options.onError?.(error);
          controller.error(error);
        }
      },
      async cancel() {
        done = true;
        await end(false);
      },
    },
    { highWaterMark: 1 },
  );
}
