import { hashString, mixSeed } from "./random";
import type { SearchCriteria, SimProperty } from "./sim-types";

/**
 * The live site's row order: the XSLT's sort is commented out and the query has no ORDER BY, so
 * rows come as the database finds them. Simulated as a shuffle keyed on the seed and the query, so
 * asking the same question twice gives the same order (and, under a cap, the same rows).
 */
export function unsortedRows(rows: readonly SimProperty[], seed: number, criteria: SearchCriteria): SimProperty[] {
  const queryKey = hashString(JSON.stringify(criteria));
  return rows
    .map((p) => ({ p, key: mixSeed(seed, queryKey, Number(p.pin)) }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.p);
}
