// Medians and spread of repeated measurements: a benchmark reports the middle run and how far the
// others strayed from it, never the best run alone.

export type Summary = { median: number; min: number; max: number; runs: number; spreadPercent: number };

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `p` from 0 to 100, nearest rank on the sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(values: readonly number[]): Summary {
  const m = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: m, min, max, runs: values.length, spreadPercent: m === 0 ? 0 : ((max - min) / m) * 100 };
}

/** "12 345 (12 000–12 800, spread 6 %, 5 runs)", South African number format. */
export function formatSummary(summary: Summary, digits = 0): string {
  return `${formatNumber(summary.median, digits)} (${formatNumber(summary.min, digits)}–${formatNumber(summary.max, digits)}, spread ${formatNumber(summary.spreadPercent, 0)} %, ${summary.runs} runs)`;
}

export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-ZA", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
