// Numbers and times on the admin pages, the South African way: "1 234 567", "28 Nov 2026, 13:26"
// (Johannesburg time). Safe to use in client components.

export { formatDuration } from "@/lib/format/format-duration";

const count = new Intl.NumberFormat("en-ZA");
const decimal = new Intl.NumberFormat("en-ZA", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-ZA", { style: "percent", maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat("en-ZA", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Johannesburg" });

export function formatCount(value: number): string {
  return count.format(value);
}

export function formatRate(rowsPerSecond: number | null): string {
  return rowsPerSecond === null ? "–" : `${decimal.format(rowsPerSecond)} rows/s`;
}

export function formatShare(share: number): string {
  return percent.format(share);
}

export function formatDateTime(value: Date | string | null): string {
  return value === null ? "–" : dateTime.format(typeof value === "string" ? new Date(value) : value);
}
