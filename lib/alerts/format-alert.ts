// The three alerts, as plain data, and their Slack-compatible webhook body. Pure, so each wording
// is tested directly. Numbers in South African format, times in the schedule's time zone.

import { formatNumber } from "@/lib/format/format-number";

export type AlertKind = "run-failed" | "anomaly" | "stale-data";

export type Alert = {
  kind: AlertKind;
  /** One line: what happened. */
  title: string;
  /** What it means and what to do. */
  text: string;
  fields: { title: string; value: string }[];
};

export type FailedRun = {
  roll: string;
  /** Null when the run could not even start (say, the database was unreachable). */
  runId: number | null;
  error: string;
  tasksFailed: number;
  tasksTotal: number;
  failures: { suburbName: string; titleType: string; error: string }[];
};

export type Anomalies = {
  roll: string;
  runId: number;
  anomalies: { suburbName: string; titleType: string; rowsBefore: number }[];
};

export type StaleData = { roll: string; lastSuccessAt: Date | null; maxAgeHours: number; now: Date; timeZone: string };

const MAX_LISTED = 10;
export function formatTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

function listed<T>(items: T[], line: (item: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) shown.push(`…and ${formatNumber(items.length - MAX_LISTED)} more`);
  return shown.join("\n");
}

export function runFailedAlert(run: FailedRun): Alert {
  const fields = [{ title: "Roll", value: run.roll }];
  if (run.runId !== null) fields.push({ title: "Run", value: `#${run.runId}` });
  if (run.tasksTotal > 0) fields.push({ title: "Failed tasks", value: `${formatNumber(run.tasksFailed)} of ${formatNumber(run.tasksTotal)}` });
  if (run.failures.length > 0) {
    fields.push({ title: "Failures", value: listed(run.failures, (f) => `${f.suburbName} (${f.titleType}): ${f.error}`) });
  }
  return {
    kind: "run-failed",
    title: run.runId === null ? `The scheduled scrape of ${run.roll} could not run` : `Scrape run #${run.runId} of ${run.roll} failed`,
    text:
      run.runId === null
        ? `${run.error}\nThe next scheduled run tries again.`
        : `${run.error}\nNothing was marked removed. The next scheduled run resumes it; to retry now: npm run scrape -- --roll ${run.roll} --resume.`,
    fields,
  };
}

export function anomalyAlert(found: Anomalies): Alert {
  const suburbs = found.anomalies.length === 1 ? "1 suburb" : `${formatNumber(found.anomalies.length)} suburbs`;
  return {
    kind: "anomaly",
    title: `Scrape run #${found.runId} of ${found.roll}: ${suburbs} came back empty`,
    text: "These suburbs had properties before and the site now lists none. Their rows were kept, not marked removed. Check the suburb on the source site.",
    fields: [
      { title: "Roll", value: found.roll },
      { title: "Run", value: `#${found.runId}` },
      { title: "Suburbs", value: listed(found.anomalies, (a) => `${a.suburbName} (${a.titleType}): ${formatNumber(a.rowsBefore)} properties before`) },
    ],
  };
}

export function staleDataAlert(stale: StaleData): Alert {
  const age = stale.lastSuccessAt ? Math.floor((stale.now.getTime() - stale.lastSuccessAt.getTime()) / 3_600_000) : null;
  return {
    kind: "stale-data",
    title:
      age === null
        ? `No complete scrape of ${stale.roll} has succeeded yet`
        : `The ${stale.roll} data is ${formatNumber(age)} hours old (limit ${formatNumber(stale.maxAgeHours)})`,
    text: "/api/ready answers 503 until a whole-roll scrape succeeds. See DEPLOYMENT.md, \"The source site is down\".",
    fields: [
      { title: "Roll", value: stale.roll },
      { title: "Last successful scrape", value: stale.lastSuccessAt ? formatTime(stale.lastSuccessAt, stale.timeZone) : "never" },
    ],
  };
}

const COLOURS: Record<AlertKind, string> = { "run-failed": "#d93025", anomaly: "#f2a600", "stale-data": "#f2a600" };

/** An incoming-webhook body that Slack, Mattermost and Rocket.Chat all show: text plus one attachment. */
export function slackPayload(alert: Alert, source: string): { text: string; attachments: object[] } {
  return {
    text: `*${alert.title}*`,
    attachments: [
      {
        fallback: alert.title,
        color: COLOURS[alert.kind],
        text: alert.text,
        fields: alert.fields.map((field) => ({ ...field, short: !field.value.includes("\n") })),
        footer: source,
      },
    ],
  };
}
