// Turns the output of `COPY (SELECT …) TO STDOUT (FORMAT binary)` into CSV records byte for byte
// as csvLine (csv-line.ts) writes the JSON serialiser's values: a text field is quoted when it
// holds a quote, a comma or a line break, or starts or ends with a character JavaScript's \s
// matches; quotes are doubled; NULL is an empty field; CRLF ends each record; a timestamptz is
// written as Date.prototype.toISOString writes it. PostgreSQL's own CSV cannot do this (it ends
// lines with LF, quotes empty strings, and ignores surrounding space), and the binary format hands
// over each field's UTF-8 bytes unescaped, so quoting them here is a scan of bytes. A text field
// starting with =, +, -, @, tab or CR gets csvLine's leading apostrophe; a number field does not.
// Format: https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4

/**
 * How a field arrives: text, a number or boolean cast to text in the SELECT (never guarded against
 * formulas: csvField writes numbers as they are), or a raw timestamptz.
 */
export type CopyFieldType = "text" | "number" | "timestamptz";

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // PGCOPY\n\377\r\n\0
const HEADER_LENGTH = SIGNATURE.length + 8; // signature, flags, header extension length
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const APOSTROPHE = 0x27;
/** First bytes of text that a spreadsheet would run as a formula: = + - @ tab CR (csv-line.ts). */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
const EMPTY = new Uint8Array(0);
/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix milliseconds. */
const POSTGRES_EPOCH_MS = 946_684_800_000;
/** Distinct timestamps remembered as ISO text; a roll has one per batch written, so few. */
const ISO_CACHE_SIZE = 4096;

/** Every character JavaScript's \s matches (the test checks this list against the engine). */
export const JS_WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

// Their UTF-8 encodings as integers, by length (one, two or three bytes).
const whitespaceCodes = [new Set<number>(), new Set<number>(), new Set<number>()];
for (const codePoint of JS_WHITESPACE) {
  const bytes = new TextEncoder().encode(String.fromCharCode(codePoint));
  whitespaceCodes[bytes.length - 1]!.add(bytes.reduce((code, byte) => (code << 8) | byte, 0));
}

function code(bytes: Uint8Array, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = (value << 8) | bytes[i]!;
  return value;
}

/** Whether bytes[start, end) (valid UTF-8) begins or ends with a whitespace character. */
function hasOuterWhitespace(bytes: Uint8Array, start: number, end: number): boolean {
  const first = bytes[start]!;
  const last = bytes[end - 1]!;
  // Printable ASCII at both ends: the common case, decided without lookups.
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return false;
  const length = end - start;
  for (let size = 1; size <= 3 && size <= length; size++) {
    const codes = whitespaceCodes[size - 1]!;
    if (codes.has(code(bytes, start, size)) || codes.has(code(bytes, end - size, size))) return true;
  }
  return false;
}

function readInt32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
}

function readInt16(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16)) >> 16;
}

export class BinaryCopyToCsv {
  /** Bytes of a tuple (or the header) that a chunk boundary cut off, waiting for the rest. */
  private pending: Uint8Array = EMPTY;
  private headerRead = false;
  private trailerRead = false;
  private readonly fieldCount: number;
  private readonly timestamps: boolean[];
  private readonly guarded: boolean[];
  private readonly isoCache = new Map<number, string>();

  constructor(fields: readonly CopyFieldType[]) {
    this.fieldCount = fields.length;
    this.timestamps = fields.map((type) => type === "timestamptz");
    this.guarded = fields.map((type) => type === "text");
  }

  /** The CSV of every tuple the bytes received so far complete (possibly none). */
  write(chunk: Uint8Array): Uint8Array {
    let input = chunk;
    if (this.pending.length > 0) {
      input = new Uint8Array(this.pending.length + chunk.length);
      input.set(this.pending);
      input.set(chunk, this.pending.length);
    }
    let at = 0;
    if (!this.headerRead) {
      const headerEnd = this.headerEnd(input);
      if (headerEnd === null) {
        this.pending = input;
        return EMPTY;
      }
      at = headerEnd;
      this.headerRead = true;
    }
    // A tuple's CSV is at most three times its bytes: a text field's frame (4 bytes) covers its
    // quotes, separator and apostrophe and each byte becomes at most two (a doubled quote); a
    // timestamp's 12 bytes become at most 29 (an extended year, its apostrophe, and the separator).
    const output = new Uint8Array(3 * (input.length - at));
    let written = 0;
    while (at < input.length) {
      if (this.trailerRead) throw new Error("binary COPY data after the trailer");
      if (input.length - at < 2) break;
      const fields = readInt16(input, at);
      if (fields === -1) {
        this.trailerRead = true;
        at += 2;
        continue;
      }
      if (fields !== this.fieldCount) throw new Error(`binary COPY tuple has ${fields} fields, expected ${this.fieldCount}`);
      const end = this.tupleEnd(input, at);
      if (end === null) break;
      written = this.writeRecord(input, at + 2, output, written);
      at = end;
    }
    this.pending = at < input.length ? input.slice(at) : EMPTY;
    return output.subarray(0, written);
  }

  /** Throws unless the data ended where the format ends: after the trailer. */
  end(): void {
    if (!this.trailerRead || this.pending.length > 0) throw new Error("binary COPY data ended before its trailer");
  }

  private headerEnd(input: Uint8Array): number | null {
    if (input.length < HEADER_LENGTH) return null;
    if (SIGNATURE.some((byte, i) => input[i] !== byte)) throw new Error("not binary COPY data (bad signature)");
    if (readInt32(input, SIGNATURE.length) !== 0) throw new Error("binary COPY data with flags (OIDs) is not supported");
    const extension = readInt32(input, SIGNATURE.length + 4);
    return input.length < HEADER_LENGTH + extension ? null : HEADER_LENGTH + extension;
  }

  /** Where the tuple starting at `start` ends, or null when its last byte has not arrived yet. */
  private tupleEnd(input: Uint8Array, start: number): number | null {
    let at = start + 2;
    for (let field = 0; field < this.fieldCount; field++) {
      if (input.length - at < 4) return null;
      const length = readInt32(input, at);
      at += 4 + Math.max(length, 0);
      if (at > input.length) return null;
    }
    return at;
  }

  private writeRecord(input: Uint8Array, at: number, output: Uint8Array, written: number): number {
    let out = written;
    for (let field = 0; field < this.fieldCount; field++) {
      if (field > 0) output[out++] = COMMA;
      const length = readInt32(input, at);
      at += 4;
      if (length <= 0) continue; // NULL (-1) or empty: an empty field
      const end = at + length;
      if (this.timestamps[field]) {
        if (length !== 8) throw new Error(`binary COPY timestamp of ${length} bytes`);
        const iso = this.isoTimestamp(input, at);
        // The JSON serialiser's timestamps are strings, so an extended year (+010000, -000001) is guarded too.
        if (FORMULA_START.has(iso.charCodeAt(0))) output[out++] = APOSTROPHE;
        for (let i = 0; i < iso.length; i++) output[out++] = iso.charCodeAt(i);
        at = end;
        continue;
      }
      // Copy up to the first character that needs quotes (usually there is none); on finding one,
      // shift the copy right to open the quotes, and go on doubling quotes.
      const start = out;
      if (this.guarded[field] && FORMULA_START.has(input[at]!)) output[out++] = APOSTROPHE;
      let i = at;
      if (!hasOuterWhitespace(input, at, end)) {
        for (; i < end; i++) {
          const byte = input[i]!;
          if (byte === QUOTE || byte === COMMA || byte === LF || byte === CR) break;
          output[out++] = byte;
        }
      }
      if (i < end) {
        output.copyWithin(start + 1, start, out);
        output[start] = QUOTE;
        out++;
        for (; i < end; i++) {
          const byte = input[i]!;
          output[out++] = byte;
          if (byte === QUOTE) output[out++] = QUOTE;
        }
        output[out++] = QUOTE;
      }
      at = end;
    }
    output[out++] = CR;
    output[out++] = LF;
    return out;
  }

  /** A timestamptz (microseconds since 2000-01-01 UTC) as the JSON serialiser writes its Date. */
  private isoTimestamp(input: Uint8Array, at: number): string {
    // pg reads the text of a timestamp into a Date to the millisecond, dropping the rest. The
    // microseconds (high × 2³² + low) may exceed 2⁵³, so they are divided in two parts:
    // 2³² = 4 294 967 × 1000 + 296.
    const high = readInt32(input, at);
    const low = readInt32(input, at + 4) >>> 0;
    const millis = POSTGRES_EPOCH_MS + high * 4_294_967 + Math.floor((high * 296 + low) / 1000);
    let iso = this.isoCache.get(millis);
    if (iso === undefined) {
      iso = new Date(millis).toISOString();
      if (this.isoCache.size >= ISO_CACHE_SIZE) this.isoCache.clear();
      this.isoCache.set(millis, iso);
    }
    return iso;
  }
}
