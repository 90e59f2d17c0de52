import { formatNumber } from "./format-number";

// Lengths of time and clock times as a person reads them, shared by the scraper's terminal output
// and the admin pages.

/** A length of time in its largest two units, the smaller one padded: pages put the words round them. */
export type DurationParts =
  | { unit: "hours"; hours: string; minutes: string }
  | { unit: "minutes"; minutes: string; seconds: string }
  | { unit: "seconds"; seconds: string };

export function durationParts(ms: number): DurationParts {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return { unit: "hours", hours: String(h), minutes: String(m).padStart(2, "0") };
  if (m > 0) return { unit: "minutes", minutes: String(m), seconds: String(s).padStart(2, "0") };
  return { unit: "seconds", seconds: String(s) };
}

/** "1h 02m", "2m 10s", "4s" (English: the terminal and logs; pages use durationParts). */
export function formatDuration(ms: number): string {
  const parts = durationParts(ms);
  if (parts.unit === "hours") return `${parts.hours}h ${parts.minutes}m`;
  if (parts.unit === "minutes") return `${parts.minutes}m ${parts.seconds}s`;
  return `${parts.seconds}s`;
}

/** A response time: 999 → "999 ms", 12 345 → "12,3 s"; null (no answer) → "–". */
export function formatMilliseconds(ms: number | null): string {
  if (ms === null) return "–";
  return Math.round(ms) < 1_000 ? `${Math.round(ms)} ms` : `${formatNumber(ms / 1_000, 1)} s`;
}

/** HH:MM:SS, 24-hour, in the given time zone (default: the machine's). */
export function formatClock(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone }).format(ms);
}
