import { ConfigError } from "@/lib/config";
import { prepareDatabase as prepare, type PreparedDatabase } from "@/lib/db/prepare-database";

// Entry-point wrapper: a configuration or connection problem ends the process with one clear line.
export async function prepareDatabase(): Promise<PreparedDatabase> {
  try {
    return await prepare();
  } catch (error) {
    const prefix = error instanceof ConfigError ? "" : "database: ";
    console.error(`${prefix}${(error as Error).message}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
}
