import { formatBytes } from "@/lib/format/format-bytes";
import { formatCalendarDate, formatDateTime } from "@/lib/format/format-date";
import { formatMilliseconds } from "@/lib/format/format-duration";
import { formatNumber } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import type { ProbePage, ProbeReport, ResultsAnswer } from "./probe-report";

// The probe's report as a person reads it in a terminal (and on the admin page): the verdict and
// why first, then what each page did.

const VERDICT_WORDS: Record<ProbeReport["verdict"], string> = {
  ok: "OK: the site can be scraped now",
  degraded: "DEGRADED: the site answers, with problems (below)",
  down: "DOWN: a scrape now would fail",
};

export function formatProbeSummary(report: ProbeReport): string {
  const lines: string[] = [];
  lines.push(`Probe of ${report.baseUrl} (${report.roll}), ${formatDateTime(report.startedAt)}`);
  lines.push(`Verdict: ${VERDICT_WORDS[report.verdict]}`);
  for (const explanation of report.explanations) lines.push(`  - ${explanation}`);
  lines.push("");
  lines.push(`Reachable: ${report.reachable ? "yes" : "no"}`);
  lines.push(`Redirects: ${report.redirects.length === 0 ? "none" : report.redirects.map((hop) => `${hop.status} ${hop.from} -> ${hop.to}`).join(", ")}${report.httpToHttps ? " (http to https)" : ""}`);
  lines.push(`TLS: ${formatTls(report.tls)}`);
  if (report.asAt) lines.push(`As at: valuations ${asAt(report.asAt.valuations)}, ownership ${asAt(report.asAt.ownership)}`);
  lines.push("");
  lines.push("Pages (one request each, in order):");
  lines.push(...pageTable(report.pages));
  lines.push("");
  const { full, sectional } = report.criteria;
  if (full) lines.push(`Full Title: ${formatNumber(full.suburbs)} suburbs (${full.examples.join(", ")}${full.suburbs > full.examples.length ? ", …" : ""}), ${full.volumes} volumes`);
  if (sectional) {
    lines.push(`Sectional Title: ${formatNumber(sectional.suburbs)} suburbs, ${formatNumber(sectional.schemes)} schemes (${sectional.exampleSchemes.join(", ")}${sectional.schemes > sectional.exampleSchemes.length ? ", …" : ""})`);
  }
  if (report.suburb) {
    const { suburb } = report;
    lines.push(`Small suburb: ${suburb.name} (${suburb.id}, ${suburb.titleType === "full" ? "Full Title" : "Sectional Title"})`);
    for (const passed of suburb.passedOver) lines.push(`  passed over ${passed.name} (${passed.id}): ${passed.reason}`);
    lines.push(`  All=false: ${formatAnswer(suburb.allFalse)}`);
    if (suburb.allTrue) lines.push(`  All=true:  ${formatAnswer(suburb.allTrue)}`);
  }
  if (report.volume) {
    lines.push(`Volume ${report.volume.volumeNo}${report.volume.suburbId ? ` in suburb ${report.volume.suburbId}` : " (whole roll)"}: ${formatAnswer(report.volume.answer)}`);
  }
  if (report.details) {
    const { details } = report;
    lines.push(
      details.error
        ? `Details page (${details.href}): ${details.error}`
        : `Details page (${details.href}): rate number ${details.rateNumber ?? "–"}, ${details.owners} owner${details.owners === 1 ? "" : "s"}, market value ${formatRand(details.marketValue)}`,
    );
  }
  if (report.notes.length > 0) {
    lines.push("");
    lines.push("Notes:");
    for (const note of report.notes) lines.push(`  - ${note}`);
  }
  return lines.join("\n");
}

export function formatAnswer(answer: ResultsAnswer): string {
  if (answer.error !== null) return `failed: ${answer.error}`;
  if (answer.noMatch) return `"No Match" (first byte ${formatMilliseconds(answer.firstByteMs)})`;
  return `${formatNumber(answer.rows ?? 0)} rows, caption ${formatNumber(answer.caption ?? 0)}, ${answer.banner ? "WITH the size banner" : "no banner"} (first byte ${formatMilliseconds(answer.firstByteMs)})`;
}

function formatTls(tls: ProbeReport["tls"]): string {
  if (tls.kind === "plain-http") return "plain http (no TLS)";
  if (tls.kind === "error") return tls.message;
  const expiry = tls.validTo ? `expires ${tls.validTo.slice(0, 10)}${tls.daysLeft !== null ? ` (${tls.daysLeft} days)` : ""}` : "no expiry";
  return `${tls.protocol ?? "unknown protocol"}, subject ${tls.subject ?? "–"}, issuer ${tls.issuer ?? "–"}, ${expiry}, ${tls.trusted ? "trusted" : `NOT trusted (${tls.trustError ?? "unknown"})`}`;
}

function pageTable(pages: readonly ProbePage[]): string[] {
  const header = ["status", "first byte", "total", "size", "charset", "page"];
  const rows = pages.map((page) => [
    page.status === null ? "–" : String(page.status),
    formatMilliseconds(page.firstByteMs),
    formatMilliseconds(page.totalMs),
    formatBytes(page.bytes),
    page.charset ?? "none",
    `${page.label}${page.failure ? ` [${page.failure}: ${page.error ?? ""}]` : ""}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ")}`;
  return [line(header), ...rows.map(line)];
}

function asAt(isoDate: string | null): string {
  return isoDate === null ? "not stated" : formatCalendarDate(isoDate);
}
