import { closeDatabase, createDatabase } from "@/lib/db/client";
import { benchDatabaseExists, benchDatabaseUrl, createBenchDatabase } from "./bench-database";
import { scaleLabel } from "./bench-args";
import { psql } from "./copy-baseline";
import { loadRoll } from "./load-roll";
import { rollRowsFile } from "./roll-rows";

// A benchmark database holding a whole simulated roll of `rows` properties, stored by the
// scraper's own store as one successful run, then VACUUM ANALYZEd. Kept between benchmarks
// (dvre_bench_roll_<scale>) so the API, export, page and soak benchmarks share one load.

export async function rollDatabase(rows: number, seed: number): Promise<{ url: string; rows: number; reused: boolean }> {
  const name = `roll_${scaleLabel(rows).toLowerCase()}_seed${seed}`;
  if (await benchDatabaseExists(name)) {
    const url = benchDatabaseUrl(name);
    const state = psql(url, "SELECT count(*) FROM scrape_runs WHERE status = 'succeeded'").trim();
    if (state === "1") return { url, rows: Number(psql(url, "SELECT count(*) FROM valuations").trim()), reused: true };
  }
  const rowsFile = await rollRowsFile(rows, seed);
  const url = await createBenchDatabase(name);
  const db = createDatabase(url, 4);
  try {
    await loadRoll(db, url, rowsFile);
  } finally {
    await closeDatabase(db);
  }
  psql(url, "VACUUM ANALYZE");
  return { url, rows: Number(psql(url, "SELECT count(*) FROM valuations").trim()), reused: false };
}
