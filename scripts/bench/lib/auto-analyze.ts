import pg from "pg";

// The machine's PostgreSQL runs with autovacuum off, so a bulk load never gets statistics and
// the store's lookups are planned as if the table were empty (an index scan over every row of
// the title type per batch, quadratic overall). Production runs autovacuum; this stands in for
// its ANALYZE: once a minute (autovacuum_naptime), a table modified by more than 50 rows + 10 %
// since its last analyze (autovacuum's defaults) is analyzed, concurrently with the work, as
// autovacuum would. (Every 5 s, as before, analyzed a growing 1M-row table some 30 times in a
// 3-minute scrape, each a second of a core: more than autovacuum would ever spend.)

const TABLES = ["valuations", "valuation_changes"];

export function startAutoAnalyze(databaseUrl: string, everyMs = 60_000): { stop: () => Promise<number> } {
  const client = new pg.Client({ connectionString: databaseUrl });
  const ready = client.connect();
  let analyzes = 0;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      await ready;
      const { rows } = await client.query<{ relname: string }>(
        `SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
          WHERE s.relname = ANY($1) AND s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)`,
        [TABLES],
      );
      for (const { relname } of rows) {
        await client.query(`ANALYZE ${relname}`);
        analyzes += 1;
      }
    }).catch((error: Error) => {
      process.stderr.write(`auto-analyze: ${error.message}\n`);
    });
  };
  const timer = setInterval(tick, everyMs);
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await client.end();
      return analyzes;
    },
  };
}
