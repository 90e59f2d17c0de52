import type { Pool } from "pg";
import { inTransaction } from "@/lib/scraper/store/in-transaction";
import type { Queryable } from "@/lib/valuations/queryable";
import { LINK_METHODS, type Linking, type LinkMethod, type RollRow } from "./link-rolls";
import type { RollId } from "@/lib/rolls/roll-id";

// The database side of linking: the rows of a roll in, a pair's links out (replacing the pair's
// previous links in one transaction, so readers see the old set or the new one, never half).

const INSERT_CHUNK = 20_000;

export type LinkSetSummary = { fromRoll: RollId; toRoll: RollId; linkedAt: Date; links: number; byMethod: Record<LinkMethod, number>; gone: number; added: number };

/** The properties on a roll now (removed ones are no longer on it). */
export async function loadRollRows(db: Queryable, roll: RollId): Promise<RollRow[]> {
  const { rows } = await db.query<{
    title_type: RollRow["titleType"];
    rate_number: string;
    legal_description: string;
    suburb_id: string;
    street_number: string | null;
    street_name: string | null;
    registered_extent: number | null;
  }>(
    `SELECT title_type, rate_number, legal_description, suburb_id, street_number, street_name, registered_extent
       FROM valuations WHERE roll = $1 AND removed_at IS NULL`,
    [roll],
  );
  return rows.map((row) => ({
    titleType: row.title_type,
    rateNumber: row.rate_number,
    legalDescription: row.legal_description,
    suburbId: row.suburb_id,
    streetNumber: row.street_number,
    streetName: row.street_name,
    extent: row.registered_extent,
  }));
}

/**
 * The rolls with at least one property stored (a skip scan of the roll index), oldest first by the
 * registry's order (lib/rolls/roll-order.ts: effective date, then id; a roll it lacks last).
 */
export async function rollsHeld(db: Queryable): Promise<RollId[]> {
  const { rows } = await db.query<{ roll: string }>(
    `WITH RECURSIVE held(roll) AS (
       (SELECT roll FROM valuations ORDER BY roll LIMIT 1)
       UNION ALL
       SELECT (SELECT v.roll FROM valuations v WHERE v.roll > held.roll ORDER BY v.roll LIMIT 1) FROM held WHERE held.roll IS NOT NULL
     )
     SELECT held.roll FROM held LEFT JOIN rolls r ON r.id = held.roll
      WHERE held.roll IS NOT NULL
      ORDER BY r.effective_from NULLS LAST, held.roll COLLATE "C"`,
  );
  return rows.map((row) => row.roll);
}

function countByMethod(linking: Linking): Record<LinkMethod, number> {
  const counts = Object.fromEntries(LINK_METHODS.map((method) => [method, 0])) as Record<LinkMethod, number>;
  for (const link of linking.links) counts[link.method] += 1;
  return counts;
}

/** Replaces the links of the pair with `linking` and records the set. */
export async function saveLinking(pool: Pool, fromRoll: RollId, toRoll: RollId, linking: Linking, linkedAt = new Date()): Promise<LinkSetSummary> {
  const summary: LinkSetSummary = {
    fromRoll,
    toRoll,
    linkedAt,
    links: linking.links.length,
    byMethod: countByMethod(linking),
    gone: linking.gone.length,
    added: linking.added.length,
  };
  await inTransaction(pool, async (client) => {
    await client.query("DELETE FROM roll_links WHERE from_roll = $1 AND to_roll = $2", [fromRoll, toRoll]);
    for (let start = 0; start < linking.links.length; start += INSERT_CHUNK) {
      const chunk = linking.links.slice(start, start + INSERT_CHUNK);
      await client.query(
        `INSERT INTO roll_links (from_roll, from_title_type, from_rate_number, to_roll, to_title_type, to_rate_number, method)
         SELECT $1, f_title, f_rate, $2, t_title, t_rate, method
           FROM unnest($3::title_type[], $4::text[], $5::title_type[], $6::text[], $7::roll_link_method[]) AS l(f_title, f_rate, t_title, t_rate, method)`,
        [
          fromRoll,
          toRoll,
          chunk.map((link) => link.from.titleType),
          chunk.map((link) => link.from.rateNumber),
          chunk.map((link) => link.to.titleType),
          chunk.map((link) => link.to.rateNumber),
          chunk.map((link) => link.method),
        ],
      );
    }
    await client.query(
      `INSERT INTO roll_link_sets (from_roll, to_roll, linked_at, links, by_method, gone, added) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (from_roll, to_roll) DO UPDATE
         SET linked_at = EXCLUDED.linked_at, links = EXCLUDED.links, by_method = EXCLUDED.by_method, gone = EXCLUDED.gone, added = EXCLUDED.added`,
      [fromRoll, toRoll, linkedAt, summary.links, JSON.stringify(summary.byMethod), summary.gone, summary.added],
    );
  });
  // The links were all replaced: without fresh statistics the planner guesses, and the comparison
  // queries (pages, /api/stats?compare=) took 2 s instead of 60 ms on a 6 000-row roll.
  await pool.query("ANALYZE roll_links");
  return summary;
}

/** The recorded link sets, for pages and the API. */
export async function linkSets(db: Queryable): Promise<LinkSetSummary[]> {
  const { rows } = await db.query<{ from_roll: string; to_roll: string; linked_at: Date; links: number; by_method: Record<LinkMethod, number>; gone: number; added: number }>(
    "SELECT from_roll, to_roll, linked_at, links, by_method, gone, added FROM roll_link_sets",
  );
  return rows.map((row) => ({
    fromRoll: row.from_roll,
    toRoll: row.to_roll,
    linkedAt: row.linked_at,
    links: row.links,
    byMethod: row.by_method,
    gone: row.gone,
    added: row.added,
  }));
}
