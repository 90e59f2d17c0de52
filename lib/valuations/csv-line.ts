// One RFC 4180 record: fields quoted only when they must be (a comma, a quote, a line break, or
// space at either end that a spreadsheet would otherwise trim), quotes doubled, CRLF at the end.
//
// A text cell a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) gets a
// leading apostrophe, which spreadsheets show as text (OWASP's CSV injection advice). Numbers and
// booleans are written as they are: only text can carry a formula, and "-5" must stay a number.
// Whether to quote is decided on the text before the apostrophe, so the binary COPY writer
// (binary-copy-to-csv.ts) can decide it from the field's bytes as they arrive.

export const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"] as const;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  const guarded = typeof value === "string" && (FORMULA_STARTS as readonly string[]).includes(text.charAt(0)) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
