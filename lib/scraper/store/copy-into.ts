import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyTextLine, type CopyValue } from "./copy-text";

// Streams items to `COPY … FROM STDIN` (text format) on the caller's connection. Lines are made as
// the stream asks for them and sent in chunks of about CHUNK_CHARS: a task of tens of thousands of
// rows is never one huge string, nor one network message per row, and this process encodes the
// next chunk while the server parses the last. pipeline() destroys the COPY stream when the server
// reports an error (a unique violation, a dropped connection), which pg-copy-streams needs to stop
// writing; the error is the server's, with its SQLSTATE code.

const CHUNK_CHARS = 256 * 1024;

function* chunks<T>(items: Iterable<T>, values: (item: T) => CopyValue[]): Generator<string> {
  let chunk = "";
  for (const item of items) {
    chunk += copyTextLine(values(item));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

export async function copyInto<T>(client: ClientBase, copySql: string, items: Iterable<T>, values: (item: T) => CopyValue[]): Promise<void> {
  await pipeline(Readable.from(chunks(items, values), { objectMode: false }), client.query(copyFrom(copySql)));
}
