import { escapeLiteral } from "pg";
import { SqlParams } from "./sql-params";

// COPY takes no bind parameters, so the export writes its filter values into the statement. Each
// value becomes a quoted literal of exactly the text pg would have sent for it as a parameter:
// like an untyped parameter, an untyped literal takes its type from where it stands, so the
// statement means what the parameterised one means. Only strings, finite numbers and booleans
// are accepted; anything else is a programming error and throws.

export type SqlLiteralValue = string | number | boolean;

export function sqlLiteral(value: unknown): string {
  if (typeof value === "string") {
    // The protocol ends the statement at a NUL; PostgreSQL text cannot hold one anyway.
    if (value.includes("\0")) throw new TypeError("a SQL literal cannot contain a NUL character");
    return escapeLiteral(value).trim();
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`a SQL literal must be a finite number, not ${value}`);
    // Quoted, so a negative number cannot run into a preceding operator ("- -1" → "--1", a comment).
    return `'${String(value)}'`;
  }
  if (typeof value === "boolean") return `'${String(value)}'`;
  throw new TypeError(`cannot write a ${value === null ? "null" : typeof value} as a SQL literal`);
}

/** SqlParams that writes each value into the statement as a literal instead of a placeholder. */
export class SqlLiterals extends SqlParams {
  override add(value: unknown, cast?: string): string {
    if (cast !== undefined && !/^[a-z_]+$/.test(cast)) throw new TypeError(`not a type name: ${cast}`);
    const literal = sqlLiteral(value);
    return cast ? `${literal}::${cast}` : literal;
  }
}
