import { config } from "@/lib/config";
import type { RollId } from "@/lib/rolls/roll-id";
import type { Database } from "@/lib/db/client";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { dataVersion } from "@/lib/valuations/data-version";
import type { ValuationFilters } from "@/lib/valuations/list-query-schema";
import { countValuations } from "@/lib/valuations/list-valuations";
import { memoPerDataVersion } from "@/lib/valuations/memo-per-data-version";
import { valuationStats, type StatsGroup, type StatsGroupRow } from "@/lib/valuations/valuation-stats";
import { valueBands, type ValueBand } from "./value-bands";

// The figures of the suburb pages, from the API's own functions (GET /api/stats and the search's
// count), so every number on a chart equals what the API and the filtered search say. They change
// only when a scrape finishes: kept per data version in this process.

export type HistogramBar = ValueBand & { count: number };

const figures = memoPerDataVersion<unknown>(200);

async function cached<T>(db: Database, key: string, load: () => Promise<T>): Promise<T> {
  const version = await dataVersion(db.pool);
  return figures(version.tag, key, load) as Promise<T>;
}

const search = () => ({ ownerSearch: ownerPolicy(config.OWNER_NAMES).search });

export function loadStats(db: Database, roll: RollId, groupBy: StatsGroup, suburbId?: string): Promise<StatsGroupRow[]> {
  const filters: ValuationFilters = { roll, includeRemoved: false, ...(suburbId ? { suburb: suburbId } : {}) };
  return cached(db, `stats:${roll}:${groupBy}:${suburbId ?? ""}`, () => valuationStats(db.pool, filters, groupBy, search()));
}

/** How many properties fall in each value band (properties without a value are not counted). */
export function loadHistogram(db: Database, roll: RollId, suburbId?: string): Promise<HistogramBar[]> {
  return cached(db, `histogram:${roll}:${suburbId ?? ""}`, () =>
    Promise.all(
      valueBands().map(async (band) => {
        const filters: ValuationFilters = {
          roll,
          includeRemoved: false,
          minValue: band.min,
          ...(band.max !== null ? { maxValue: band.max } : {}),
          ...(suburbId ? { suburb: suburbId } : {}),
        };
        return { ...band, count: await countValuations(db.pool, filters, search()) };
      }),
    ),
  );
}
