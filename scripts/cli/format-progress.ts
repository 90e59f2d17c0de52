import { formatClock, formatDuration } from "@/lib/format/format-duration";
import { formatNumber } from "@/lib/format/format-number";
import type { ScrapeProgress, ScrapeSummary } from "@/lib/scraper/run-scrape";

// What a person sees in a terminal while a scrape runs, and after.


export function formatProgressLine(progress: ScrapeProgress, now: number, width = 24, timeZone?: string): string {
  const finished = progress.tasksDone + progress.tasksFailed;
  const share = progress.tasksTotal > 0 ? finished / progress.tasksTotal : 0;
  const filled = Math.round(share * width);
  const bar = "█".repeat(filled) + "░".repeat(width - filled);
  const elapsed = now - progress.startedAt;
  const rate = elapsed > 0 ? (progress.rowsSeen / elapsed) * 1000 : 0;
  const eta = finished > 0 && share < 1 ? formatDuration((elapsed / finished) * (progress.tasksTotal - finished)) : "—";
  if (progress.pausedUntil !== null) {
    return [
      `run #${progress.runId} ${bar} ${finished}/${progress.tasksTotal} tasks`,
      `site down, next try at ${formatClock(progress.pausedUntil, timeZone)}`,
      `${formatNumber(progress.rowsSeen)} rows`,
      `${progress.tasksFailed} failed`,
    ].join(" · ");
  }
  return [
    `run #${progress.runId} ${bar} ${finished}/${progress.tasksTotal} tasks`,
    `${formatNumber(progress.rowsSeen)} rows`,
    `${formatNumber(Math.round(rate))} rows/s`,
    `ETA ${eta}`,
    `${progress.tasksFailed} failed`,
  ].join(" · ");
}

export function formatSummary(summary: ScrapeSummary, now: number): string {
  const lines = [
    `Run #${summary.runId} ${summary.status} in ${formatDuration(now - summary.startedAt)} (${formatNumber(summary.requests)} requests).`,
    `Tasks: ${summary.tasksDone} done, ${summary.tasksFailed} failed, of ${summary.tasksTotal}.`,
    `Rows: ${formatNumber(summary.rowsSeen)} seen · ${formatNumber(summary.rowsAdded)} added · ${formatNumber(summary.rowsChanged)} changed · ${formatNumber(summary.rowsUnchanged)} unchanged · ${formatNumber(summary.rowsRemoved)} removed.`,
  ];
  lines.push(formatVerification(summary));
  if (summary.oddCells > 0) lines.push(`Odd cells (NaN, negative or unreadable value or extent) stored as empty: ${formatNumber(summary.oddCells)}.`);
  if (summary.detailsFetched > 0) lines.push(`Property profiles fetched: ${formatNumber(summary.detailsFetched)}.`);
  if (summary.pausedMs > 0) lines.push(`Paused while the site was down: ${formatDuration(summary.pausedMs)}.`);
  for (const warning of summary.warnings) lines.push(`Warning: ${warning}`);
  for (const anomaly of summary.anomalies) {
    lines.push(`Anomaly: ${anomaly.suburbName} (${anomaly.titleType}, suburb ${anomaly.suburbId}) came back empty but had ${anomaly.rowsBefore} rows; they were kept.`);
  }
  for (const failure of summary.failures.slice(0, 20)) {
    lines.push(`Failed: ${failure.suburbName} (${failure.titleType}, suburb ${failure.suburbId}): ${failure.error}`);
  }
  if (summary.failures.length > 20) lines.push(`… and ${summary.failures.length - 20} more failed tasks.`);
  if (summary.incomplete) lines.push(`Incomplete: ${summary.incomplete.replace(/^incomplete: /, "")}.`);
  if (summary.error) lines.push(summary.error);
  return lines.join("\n");
}

/** How the run's completeness was proven: the cross-check's outcome and the rows a second look found. */
export function formatVerification(summary: Pick<ScrapeSummary, "crossCheck" | "rowsVerified" | "rowsRecovered">): string {
  const recovered = `${formatNumber(summary.rowsRecovered)} recovered by a second look`;
  const check = summary.crossCheck;
  if (!check) return `Cross-check: not reached · ${recovered}.`;
  if (!check.ran) return `Cross-check: skipped (${check.reason}) · ${recovered}.`;
  const outcome = check.agreed ? "the passes agree" : "the passes DISAGREE";
  return `Cross-check by volume: ${outcome} · ${formatNumber(summary.rowsVerified)} rows verified · ${recovered} · ${formatNumber(check.piecesFetched)} pieces fetched.`;
}
