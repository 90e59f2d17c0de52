import type { Queryable } from "./queryable";

// What the public data's freshness hangs on: scrape runs. Every finished run may have written rows
// (a failed run keeps the suburbs it stored), so validators follow the latest finished run of any
// status; `asAt` (how current a roll is) follows the latest successful run of that roll. The owner
// suppression list is part of the version too: adding or removing an entry changes answers; so is
// a linking of two rolls (npm run link-rolls), which changes the comparisons between them.

export type DataVersion = { tag: string; lastModified: Date | null };
export type VersionAndAsAt = { version: DataVersion; asAt: Date | null };

type StampRow = { runs: number; last_id: number | null; last_finished: Date | null; as_at: Date | null; suppressions: string; links: string };

const VERSION_COLUMNS = `count(*)::integer AS runs, max(id) AS last_id, max(finished_at) AS last_finished,
  (SELECT count(*) || '.' || coalesce(max(id), 0) || '.' || coalesce(sum(id), 0) FROM owner_suppressions) AS suppressions,
  (SELECT count(*) || '.' || coalesce(extract(epoch FROM max(linked_at)) * 1000, 0) FROM roll_link_sets) AS links`;

function toVersion(row: StampRow | undefined): DataVersion {
  const lastModified = row?.last_finished ?? null;
  return { tag: `${row?.runs ?? 0}-${row?.last_id ?? 0}-${lastModified?.getTime() ?? 0}-${row?.suppressions ?? "0"}-${row?.links ?? "0"}`, lastModified };
}

export async function dataVersion(db: Queryable): Promise<DataVersion> {
  const { rows } = await db.query<StampRow>(`SELECT ${VERSION_COLUMNS} FROM scrape_runs WHERE finished_at IS NOT NULL`);
  return toVersion(rows[0]);
}

export async function rollAsAt(db: Queryable, roll: string): Promise<Date | null> {
  return (await versionAndAsAt(db, roll)).asAt;
}

/** The data version and the roll's `asAt` in one round trip (every API answer needs both). */
export async function versionAndAsAt(db: Queryable, roll: string): Promise<VersionAndAsAt> {
  const { rows } = await db.query<StampRow>(
    `SELECT ${VERSION_COLUMNS},
            max(finished_at) FILTER (WHERE roll = $1 AND status = 'succeeded') AS as_at
       FROM scrape_runs WHERE finished_at IS NOT NULL`,
    [roll],
  );
  return { version: toVersion(rows[0]), asAt: rows[0]?.as_at ?? null };
}
