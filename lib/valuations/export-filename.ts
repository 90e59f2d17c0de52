import type { ExportFormat } from "./export-valuations";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/** "valuations-gv2022-2026-11-27.csv": the roll and the date its data is as at. */
export function exportFilename(roll: string, format: ExportFormat, asAt: Date): string {
  return `valuations-${roll}-${asAt.toISOString().slice(0, 10)}.${format}`;
}
