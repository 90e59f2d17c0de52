import type { RollId } from "@/lib/rolls/roll-id";
import type { Database } from "@/lib/db/client";
import type { DataVersion } from "@/lib/valuations/data-version";
import { memoPerDataVersion } from "@/lib/valuations/memo-per-data-version";

// "Data as at …": when each roll was last scraped completely, and the roll's own dates as its
// pages state them ("Property Register and Market Valuations : 11 February 2022"). They change
// only when a run finishes, which changes the data version, so the latest version's are kept.

export type DataStamp = {
  /** The last successful scrape of the roll finished then (ISO); null before the first. */
  refreshedAt: string | null;
  /** The site's own dates (ISO calendar dates), when read. */
  valuationsAsAt: string | null;
  ownershipAsAt: string | null;
};

/** Per registered roll; a roll with no stamp yet (just added) is missing. */
export type DataStamps = Partial<Record<RollId, DataStamp>>;

export const NO_DATA_STAMP: DataStamp = { refreshedAt: null, valuationsAsAt: null, ownershipAsAt: null };

function dateField(dates: unknown, name: string): string | null {
  if (typeof dates !== "object" || dates === null) return null;
  const value = (dates as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : null;
}

const stamps = memoPerDataVersion<DataStamps>(1);

/** `rolls`: the registry's ids (a roll added since the last run changes them, not the data version). */
export function loadDataStamps(db: Database, version: DataVersion, rolls: readonly RollId[]): Promise<DataStamps> {
  return stamps(`${version.tag}:${rolls.join(",")}`, "every roll", () => readDataStamps(db, rolls));
}

async function readDataStamps(db: Database, rolls: readonly RollId[]): Promise<DataStamps> {
  const runs = await Promise.all(
    rolls.map((roll) =>
      db.prisma.scrapeRun.findFirst({
        where: { roll, status: "succeeded", finishedAt: { not: null } },
        orderBy: { finishedAt: "desc" },
        select: { finishedAt: true, sourceDates: true },
      }),
    ),
  );
  return Object.fromEntries(
    rolls.map((roll, index) => {
      const run = runs[index];
      return [
        roll,
        {
          refreshedAt: run?.finishedAt?.toISOString() ?? null,
          valuationsAsAt: dateField(run?.sourceDates, "valuations"),
          ownershipAsAt: dateField(run?.sourceDates, "ownership"),
        },
      ];
    }),
  );
}
