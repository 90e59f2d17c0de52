import path from "node:path";

/** Where e2e/start-stack.ts records the database and simulator it started (gitignored). */
export const STACK_FILE = path.join(import.meta.dirname, ".stack.json");
