// Collects the values of a parameterised SQL statement; `add` returns the placeholder to write.

export type SqlQuery = { text: string; values: unknown[] };

export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
