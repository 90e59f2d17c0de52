import type { RowsAtRun } from "./data-health";

// The small "rows over time" chart: one line per roll and title type, as SVG path data. Pure, so
// the page only draws what this returns.

export type ChartLine = { key: string; roll: string; titleType: string; label: string; path: string; last: { x: number; y: number; rows: number } };
export type Chart = { width: number; height: number; lines: ChartLine[]; minRows: number; maxRows: number; from: Date | null; to: Date | null };

export function rowsChart(history: readonly RowsAtRun[], width = 480, height = 140, pad = 8): Chart {
  if (history.length === 0) return { width, height, lines: [], minRows: 0, maxRows: 0, from: null, to: null };
  const times = history.map((point) => point.at.getTime());
  const rows = history.map((point) => point.rows);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [r0, r1] = [Math.min(...rows), Math.max(...rows)];
  const x = (t: number) => (t1 === t0 ? width / 2 : pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad));
  const y = (r: number) => (r1 === r0 ? height / 2 : height - pad - ((r - r0) / (r1 - r0)) * (height - 2 * pad));
  const groups = new Map<string, RowsAtRun[]>();
  for (const point of history) {
    const key = `${point.roll}:${point.titleType}`;
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  const lines = [...groups.entries()].map(([key, points]) => {
    const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
    const coordinates = sorted.map((point) => ({ x: round(x(point.at.getTime())), y: round(y(point.rows)), rows: point.rows }));
    const path = coordinates.map((c, index) => `${index === 0 ? "M" : "L"}${c.x},${c.y}`).join(" ");
    const [roll, titleType] = key.split(":");
    return { key, roll: roll!, titleType: titleType!, label: `${roll} ${titleType}`, path, last: coordinates.at(-1)! };
  });
  return { width, height, lines, minRows: r0, maxRows: r1, from: new Date(t0), to: new Date(t1) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
