import { cache } from "react";
import { config } from "@/lib/config";
import type { RollId } from "@/lib/rolls/roll-id";
import { database } from "@/lib/db/client";
import { rollAsAt } from "@/lib/valuations/data-version";
import { getValuationDetail, type DetailResult } from "@/lib/valuations/get-valuation-detail";
import { listValuations } from "@/lib/valuations/list-valuations";
import type { Valuation } from "@/lib/valuations/valuation-schema";

export const SCHEME_UNITS_LIMIT = 200;

/** One property as GET /api/valuations/{rateNumber} answers it; once per request (metadata and page share it). */
export const loadProperty = cache(
  async (rateNumber: string, roll: RollId, title: "full" | "sectional" | null): Promise<{ result: DetailResult; asAt: string | null }> => {
    const db = database();
    const [result, asAt] = await Promise.all([
      getValuationDetail(
        db.pool,
        { rateNumber, roll, ...(title ? { title } : {}) },
        { ownerNames: config.OWNER_NAMES, ownerHistoryDays: config.OWNER_HISTORY_DAYS },
      ),
      rollAsAt(db.pool, roll),
    ]);
    return { result, asAt: asAt?.toISOString() ?? null };
  },
);

/**
 * The other units of a sectional scheme, found the way the search finds them (the scheme's name
 * in `q`) and kept to exact matches of the name.
 */
export async function loadSchemeUnits(property: Valuation): Promise<{ units: Valuation[]; more: boolean }> {
  if (property.schemeName === null || property.schemeName.trim().length < 2) return { units: [], more: false };
  const page = await listValuations(
    database().pool,
    {
      filters: { roll: property.roll, title: "sectional", q: property.schemeName.slice(0, 200), includeRemoved: false },
      sort: { kind: "field", field: "rateNumber", descending: false },
      limit: SCHEME_UNITS_LIMIT,
      total: false,
    },
    { ownerSearch: false, ownersInLists: false, cursorSecret: config.CURSOR_SECRET },
  );
  const units = page.data.filter((unit) => unit.schemeName === property.schemeName && unit.rateNumber !== property.rateNumber);
  return { units, more: page.nextCursor !== null };
}
