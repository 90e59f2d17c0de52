import type { Pool } from "pg";
import Cursor from "pg-cursor";
import { csvLine } from "@/lib/valuations/csv-line";
import { withStallTimeout, type StallGuardOptions } from "@/lib/valuations/stall-guard";

// A query's rows as a CSV download, read through a server-side cursor a batch at a time, so a
// whole roll's changes never sit in memory. The connection goes back to the pool when the last
// row is sent, the client goes away or stops reading (the export stall guard).

const BATCH = 1000;

type Cell = string | number | boolean | null;

export function streamCsv<R>(
  pool: Pool,
  guard: StallGuardOptions,
  sql: { text: string; values: unknown[] },
  header: readonly string[],
  toCells: (row: R) => readonly Cell[],
): ReadableStream<Uint8Array> {
  return withStallTimeout(cursorCsv(pool, sql, header, toCells), guard);
}

function cursorCsv<R>(pool: Pool, sql: { text: string; values: unknown[] }, header: readonly string[], toCells: (row: R) => readonly Cell[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let release: (() => void) | null = null;
  let cursor: Cursor<R> | null = null;
  const close = async () => {
    const done = release;
    release = null;
    if (!done) return;
    await cursor?.close().catch(() => {});
    done();
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const client = await pool.connect();
      release = () => client.release();
      cursor = client.query(new Cursor<R>(sql.text, sql.values));
      controller.enqueue(encoder.encode(csvLine(header)));
    },
    async pull(controller) {
      try {
        const rows = await cursor!.read(BATCH);
        if (rows.length === 0) {
          await close();
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(rows.map((row) => csvLine(toCells(row))).join("")));
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}
