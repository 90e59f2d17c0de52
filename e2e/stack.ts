import { readFileSync } from "node:fs";
import pg from "pg";
import { STACK_FILE } from "./start-stack-file";

// What e2e/start-stack.ts started, for specs that look at the database or the simulator directly.

export type Stack = { databaseUrl: string; simulatorUrl: string };

export function readStack(): Stack {
  return JSON.parse(readFileSync(STACK_FILE, "utf8")) as Stack;
}

/** One query against the e2e database (a fresh connection each time: specs are few and short). */
export async function queryStack<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readStack().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
