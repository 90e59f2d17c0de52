import { formatRandShort } from "@/lib/format/format-rand";

// The bands of the market-value histogram: round amounts people think in, widening as values
// grow (property values are skewed: most are modest, a few are very large).

export const VALUE_BAND_EDGES = [0, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000] as const;

/** Market values from `min` to `max` rand inclusive (no upper end for the last band). */
export type ValueBand = { min: number; max: number | null; label: string };

/** How a page words a band (the catalogue's "Under {to}" and so on); the amounts come formatted. */
export type ValueBandWords = {
  under: (to: string) => string;
  between: (from: string, to: string) => string;
  andMore: (from: string) => string;
};

const ENGLISH_BAND_WORDS: ValueBandWords = {
  under: (to) => `Under ${to}`,
  between: (from, to) => `${from} to ${to}`,
  andMore: (from) => `${from} and more`,
};

/** A band's label in short rand: "Under R 250k", "R 250k to R 500k", "R 10m and more". */
export function valueBandLabel({ min, max }: { min: number; max: number | null }, words: ValueBandWords = ENGLISH_BAND_WORDS): string {
  if (max === null) return words.andMore(formatRandShort(min));
  if (min === 0) return words.under(formatRandShort(max + 1));
  return words.between(formatRandShort(min), formatRandShort(max + 1));
}

export function valueBands(edges: readonly number[] = VALUE_BAND_EDGES): ValueBand[] {
  return edges.map((min, index) => {
    const next = edges[index + 1];
    const max = next === undefined ? null : next - 1;
    return { min, max, label: valueBandLabel({ min, max }) };
  });
}
