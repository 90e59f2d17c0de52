// One RFC 4180 record: fields quoted only when they must be (a comma, a quote, a line break, or
// space at either end that a spreadsheet would otherwise trim), quotes doubled, CRLF at the end.

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
