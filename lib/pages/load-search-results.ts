import { parseQuery } from "@/lib/api/parse-query";
import { config } from "@/lib/config";
import type { RollId } from "@/lib/rolls/roll-id";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import type { Database } from "@/lib/db/client";
import { CURSOR_EXPIRED, toResultRow, type SearchResults } from "@/lib/search-state/search-results";
import { toApiParams, type SearchState } from "@/lib/search-state/search-state";
import { CursorError } from "@/lib/valuations/cursor";
import type { VersionAndAsAt } from "@/lib/valuations/data-version";
import { listQuerySchemaFor, toListQuery } from "@/lib/valuations/list-query-schema";
import { listValuations } from "@/lib/valuations/list-valuations";

/**
 * The first page the server renders: the very query the browser would send to GET
 * /api/valuations, validated by the API's own schema and answered by the API's own function,
 * so the server-rendered page and the API cannot disagree. `stamp` is the data version and asAt of
 * the state's roll, read once for the whole page.
 */
export async function loadSearchResults(db: Database, state: SearchState, defaultRoll: RollId, stamp: VersionAndAsAt): Promise<SearchResults> {
  const owners = ownerPolicy(config.OWNER_NAMES);
  const parsed = parseQuery(listQuerySchemaFor(owners.inLists), toApiParams(state));
  if (!parsed.ok) return { kind: "invalid", problems: parsed.errors };
  const query = toListQuery(parsed.value, defaultRoll);
  try {
    const page = await listValuations(db.pool, query, {
      ownerSearch: owners.search,
      ownersInLists: owners.inLists,
      cursorSecret: config.CURSOR_SECRET,
      dataVersion: stamp.version.tag,
    });
    return {
      kind: "ok",
      rows: page.data.map((valuation) => toResultRow(valuation, defaultRoll)),
      total: page.total ?? null,
      nextCursor: page.nextCursor,
      asAt: stamp.asAt?.toISOString() ?? null,
    };
  } catch (error) {
    if (error instanceof CursorError) return { kind: "invalid", problems: [{ parameter: "cursor", message: CURSOR_EXPIRED }] };
    throw error;
  }
}
