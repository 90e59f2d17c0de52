import type { Roll } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { ROLL_IDS } from "@/lib/search-state/search-state";
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

export type DataStamps = Record<Roll, DataStamp>;

function dateField(dates: unknown, name: string): string | null {
  if (typeof dates !== "object" || dates === null) return null;
  const value = (dates as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : null;
}

const stamps = memoPerDataVersion<DataStamps>(1);

export function loadDataStamps(db: Database, version: DataVersion): Promise<DataStamps> {
  return stamps(version.tag, "every roll", () => readDataStamps(db));
}

async function readDataStamps(db: Database): Promise<DataStamps> {
  const runs = await Promise.all(
    ROLL_IDS.map((roll) =>
      db.prisma.scrapeRun.findFirst({
        where: { roll, status: "succeeded", finishedAt: { not: null } },
        orderBy: { finishedAt: "desc" },
        select: { finishedAt: true, sourceDates: true },
      }),
    ),
  );
  return Object.fromEntries(
    ROLL_IDS.map((roll, index) => {
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
  ) as DataStamps;
}
