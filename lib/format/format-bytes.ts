import { formatNumber } from "./format-number";

// Sizes of downloads (the site probe's pages), in decimal units as browsers' network panels show them.

const UNITS = [
  { unit: "kB", size: 1_000 },
  { unit: "MB", size: 1_000_000 },
  { unit: "GB", size: 1_000_000_000 },
] as const;

/** 999 → "999 B", 1500 → "1,5 kB", 40 000 000 → "40 MB"; 999 960 → "1 MB", not "1 000 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  const fits = UNITS.find(({ size }, index) => index === UNITS.length - 1 || Math.round((bytes / size) * 10) / 10 < 1_000);
  return `${formatNumber(bytes / fits!.size, 1)} ${fits!.unit}`;
}
