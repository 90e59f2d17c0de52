import type { Database } from "@/lib/db/client";
import { retryOnDisconnect } from "@/lib/db/retry-on-disconnect";
import type { ScrapeRun } from "@/lib/generated/prisma/client";
import type { Logger } from "@/lib/log";
import { parseDetailsPage } from "./parse-details";
import type { SiteClient } from "./site-client";
import { detailLinkPath } from "./site-urls";

// Property profile pages (all owners, scheme number, exemptions, …): one request each, so a run
// fetches a budget of them, properties never fetched or changed since their last fetch first. Each
// is fetched by the link the results page gave (its PType/FType are the site's own), never rebuilt.

const WRITE_BATCH = 50;

type Candidate = { id: number; pin: string; detail_href: string };

export async function fetchDetails(input: {
  db: Database;
  client: SiteClient;
  run: ScrapeRun;
  budget: number;
  signal: AbortSignal;
  log: Logger;
}): Promise<number> {
  const { db, client, run, log } = input;
  if (input.budget === 0) return 0;
  const { rows: candidates } = await db.pool.query<Candidate>(
    `SELECT id, pin, detail_href FROM valuations
      WHERE roll = $1 AND detail_href IS NOT NULL AND removed_at IS NULL
        AND (detail_fetched_at IS NULL OR detail_fetched_at < last_changed_at)
      ORDER BY detail_fetched_at IS NULL DESC, last_changed_at DESC, id
      LIMIT $2`,
    [run.roll, input.budget],
  );
  let fetched = 0;
  let pending: { id: number; detail: unknown }[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await retryOnDisconnect(() =>
      db.pool.query(
        `UPDATE valuations v SET detail = d.detail, detail_fetched_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS d(id bigint, detail jsonb)
          WHERE v.id = d.id`,
        [JSON.stringify(batch)],
      ),
    );
    await db.pool.query(`UPDATE scrape_runs SET details_fetched = details_fetched + $2 WHERE id = $1`, [run.id, batch.length]);
  };

  await Promise.all(
    Array.from({ length: 2 }, async () => {
      for (let next = candidates.shift(); next && !input.signal.aborted; next = candidates.shift()) {
        try {
          pending.push({ id: next.id, detail: parseDetailsPage(await client.get(detailLinkPath(next.detail_href, run.baseUrl))) });
          fetched += 1;
        } catch (error) {
          if (input.signal.aborted) return;
          log.warn("property profile not fetched", { pin: next.pin, error: (error as Error).message });
        }
        if (pending.length >= WRITE_BATCH) await flush();
      }
    }),
  );
  await flush();
  log.info("fetched property profiles", { fetched });
  return fetched;
}
