import { describe, expect, it } from "vitest";
import { BinaryCopyToCsv, JS_WHITESPACE, type CopyFieldType } from "./binary-copy-to-csv";
import { csvLine } from "./csv-line";

/** A timestamptz as binary COPY sends it: microseconds since 2000-01-01 UTC. */
type Micros = { micros: bigint };
const POSTGRES_EPOCH_MS = 946_684_800_000n;
const micros = (iso: string, extra = 0n): Micros => ({ micros: (BigInt(Date.parse(iso)) - POSTGRES_EPOCH_MS) * 1000n + extra });

// What `COPY … TO STDOUT (FORMAT binary)` sends for rows of text and timestamptz columns (NULL as null).
function binaryCopy(rows: (string | Micros | null)[][]): Uint8Array {
  const parts: number[] = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
  const int = (value: number, bytes: number) => {
    for (let shift = (bytes - 1) * 8; shift >= 0; shift -= 8) parts.push((value >> shift) & 0xff);
  };
  for (const row of rows) {
    int(row.length, 2);
    for (const value of row) {
      if (value === null) {
        int(-1, 4);
      } else if (typeof value === "object") {
        int(8, 4);
        const bytes = new Uint8Array(8);
        new DataView(bytes.buffer).setBigInt64(0, value.micros);
        parts.push(...bytes);
      } else {
        const bytes = new TextEncoder().encode(value);
        int(bytes.length, 4);
        parts.push(...bytes);
      }
    }
  }
  int(-1, 2);
  return new Uint8Array(parts);
}

const texts = (count: number): CopyFieldType[] => Array.from({ length: count }, () => "text");

function convert(data: Uint8Array, fields: readonly CopyFieldType[], chunkSize = data.length): string {
  const csv = new BinaryCopyToCsv(fields);
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += chunkSize) out.push(csv.write(data.subarray(at, at + chunkSize)));
  csv.end();
  return Buffer.concat(out).toString("utf8");
}

const expected = (rows: (string | null)[][]) => rows.map((row) => csvLine(row)).join("");

const TRICKY = [
  "", " ", "PINETOWN", "26 SOMERSET WAY, AMANZIMTOTI", 'THE "VILLA"', '"', '""', "two\nlines", "cr\ronly", "x\r\ny",
  " padded", "padded ", "\tTAB", "tab\t", "in side", "\u00a0NBSP", "NBSP\u00a0", "\u2028line", "para\u2029", "\ufeffBOM",
  "\u3000ideographic", "thin\u2009", "\u1680ogham", "NEL\u0085", "\u0085NEL", "\u200bzero-width", "mongolian\u180e",
  "=SUM(A1)", "+27 31", "-5", "@home", "back\\slash", "O'Brien", "é ü 😀", "😀", "a,", ",", "\u00e9", "\u00a0",
];

describe("binary COPY to CSV", () => {
  it("lists exactly the characters JavaScript's \\s matches", () => {
    const engine: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (/\s/.test(String.fromCharCode(code))) engine.push(code);
    expect(JS_WHITESPACE).toEqual(engine);
  });

  it("writes each field as csvLine does: quotes, commas, line breaks, outer whitespace, NULL, empty", () => {
    const rows = TRICKY.map((value, i) => [value, null, String(i), TRICKY[(i * 7) % TRICKY.length]!]);
    expect(convert(binaryCopy(rows), texts(4))).toBe(expected(rows));
  });

  it("puts csvLine's apostrophe before text that starts like a formula, in every position of a chunked stream", () => {
    const formulas = ["=SUM(A1)", "+27 31", "-5", "@home", "\t=1", "\rx", "=", "-", '=HYPERLINK("a","b")', "'=already", "a=b"];
    const rows = formulas.map((value, i) => [value, formulas[(i + 3) % formulas.length]!]);
    expect(convert(binaryCopy(rows), texts(2))).toBe(expected(rows));
    for (const size of [1, 2, 5]) expect(convert(binaryCopy(rows), texts(2), size)).toBe(expected(rows));
    expect(convert(binaryCopy([["=1+1"]]), texts(1))).toBe("'=1+1\r\n");
  });

  it("writes number fields as csvLine writes numbers: a negative value gets no apostrophe", () => {
    const fields: CopyFieldType[] = ["number", "text", "number"];
    const csv = convert(binaryCopy([["-5", "-5", "-1634.25"], ["true", "x", null]]), fields);
    expect(csv).toBe(csvLine([-5, "-5", -1634.25]) + csvLine([true, "x", null]));
    expect(csv).toBe("-5,'-5,-1634.25\r\ntrue,x,\r\n");
  });

  it("quotes a field that starts or ends with any whitespace character, and no other", () => {
    const rows = JS_WHITESPACE.flatMap((code) => {
      const space = String.fromCharCode(code);
      return [[`${space}x`], [`x${space}`], [space], [`x${space}x`]];
    });
    expect(convert(binaryCopy(rows), texts(1))).toBe(expected(rows));
  });

  it("writes timestamps as toISOString does, to the millisecond, whatever the year", () => {
    const instants = [
      "2026-11-20T01:12:09.114Z", "2000-01-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z",
      "1969-07-20T20:17:40.001Z", "2024-02-29T12:00:00.500Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
      "+010000-01-01T00:00:00.000Z", "-000001-06-15T08:30:00.250Z",
    ];
    const rows = instants.map((iso) => [iso, micros(iso), null]);
    const withMicros = instants.map((iso) => [iso, micros(iso, 999n), micros(iso, 1n)]);
    const types: CopyFieldType[] = ["text", "timestamptz", "timestamptz"];
    expect(convert(binaryCopy(rows), types)).toBe(expected(rows.map(([iso]) => [iso!, iso!, null] as string[])));
    expect(convert(binaryCopy(withMicros), types)).toBe(expected(withMicros.map(([iso]) => [iso!, iso!, iso!] as string[])));
  });

  it("writes thousands of distinct timestamps right (its cache of them stays bounded)", () => {
    const start = Date.parse("2026-11-20T00:00:00.000Z");
    const isos = Array.from({ length: 10_000 }, (_, i) => new Date(start + i * 1_001).toISOString());
    const rows = [...isos, ...isos.slice(0, 100)].map((iso) => [micros(iso)]);
    expect(convert(binaryCopy(rows), ["timestamptz"])).toBe(expected([...isos, ...isos.slice(0, 100)].map((iso) => [iso])));
  });

  it("gives the same CSV however the bytes are cut into chunks", () => {
    const rows = TRICKY.slice(0, 12).map((value) => [value, null, "é ü 😀", value]);
    const data = binaryCopy(rows);
    for (const size of [1, 2, 3, 5, 7, 19, 20, 64]) expect(convert(data, texts(4), size)).toBe(expected(rows));
  });

  it("writes nothing for no rows, and waits for the header's rest", () => {
    const data = binaryCopy([]);
    const csv = new BinaryCopyToCsv(texts(3));
    expect(csv.write(data.subarray(0, 10))).toHaveLength(0);
    expect(csv.write(data.subarray(10))).toHaveLength(0);
    csv.end();
  });

  it("skips a header extension", () => {
    const data = binaryCopy([["a", "b"]]);
    const extended = new Uint8Array([...data.subarray(0, 15), 0, 0, 0, 3, 9, 9, 9, ...data.subarray(19)]);
    expect(convert(extended, texts(2))).toBe("a,b\r\n");
  });

  it("refuses what is not binary COPY data of the expected shape", () => {
    expect(() => new BinaryCopyToCsv(texts(1)).write(new TextEncoder().encode("roll,titleType\r\nsomething else"))).toThrow(/signature/);
    expect(() => convert(binaryCopy([["a", "b"]]), texts(3))).toThrow(/2 fields, expected 3/);
    const truncated = binaryCopy([["a", "b"]]);
    const csv = new BinaryCopyToCsv(texts(2));
    csv.write(truncated.subarray(0, truncated.length - 2));
    expect(() => csv.end()).toThrow(/ended before its trailer/);
    expect(() => convert(new Uint8Array([...binaryCopy([["a"]]), 0, 1]), texts(1))).toThrow(/after the trailer/);
    expect(() => convert(binaryCopy([["2026"]]), ["timestamptz"])).toThrow(/timestamp of 4 bytes/);
  });
});
