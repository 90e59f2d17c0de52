import { formatRandShort } from "@/lib/format/format-rand";

// The bands of the market-value histogram: round amounts people think in, widening as values
// grow (property values are skewed: most are modest, a few are very large).

export const VALUE_BAND_EDGES = [0, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000] as const;

/** Market values from `min` to `max` rand inclusive (no upper end for the last band). */
export type ValueBand = { min: number; max: number | null; label: string };

export function valueBands(edges: readonly number[] = VALUE_BAND_EDGES): ValueBand[] {
  return edges.map((min, index) => {
    const next = edges[index + 1];
    if (next === undefined) return { min, max: null, label: `${formatRandShort(min)} and more` };
    if (min === 0) return { min, max: next - 1, label: `Under ${formatRandShort(next)}` };
    return { min, max: next - 1, label: `${formatRandShort(min)} to ${formatRandShort(next)}` };
  });
}
