// Lines for `COPY … FROM STDIN` in PostgreSQL's text format: tab between columns, \N for null,
// backslash escapes for the four characters that would break a line apart. PostgreSQL parses the
// values with each column's own input function, as it would the literals of an INSERT.

export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function copyTextField(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
    return String(value);
  }
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

export function copyTextLine(values: readonly CopyValue[]): string {
  let line = copyTextField(values[0] ?? null);
  for (let i = 1; i < values.length; i += 1) line += `\t${copyTextField(values[i]!)}`;
  return `${line}\n`;
}
