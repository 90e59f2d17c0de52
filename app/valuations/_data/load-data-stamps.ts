import type { Roll } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { ROLL_IDS } from "@/lib/search-state/search-state";

// "Data as at …": when each roll was last scraped completely, and the roll's own dates as its
// pages state them ("Property Register and Market Valuations : 11 February 2022").

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

export async function loadDataStamps(db: Database): Promise<DataStamps> {
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
