import Link from "next/link";
import type { DataHealth } from "@/lib/admin/data-health";
import { formatDateTime } from "@/lib/format/format-date";
import { formatNumber, formatShare } from "@/lib/format/format-number";
import { rowsChart } from "@/lib/admin/rows-chart";

// Data health: rows per roll and title (now, and over time as a small chart), the last successful
// run of each roll, freshness against the schedule, and anomalies.

const LINE_COLOURS = ["#1d4ed8", "#b45309", "#15803d", "#9333ea", "#be123c", "#0f766e"];

function FreshnessNote({ freshness }: { freshness: DataHealth["freshness"] }) {
  if (freshness.state === "never") return <p className="font-medium text-red-800">No scrape of {freshness.roll} has succeeded yet.</p>;
  const due = freshness.dueBy ? ` The next should have succeeded by ${formatDateTime(freshness.dueBy)}.` : "";
  return freshness.state === "fresh" ? (
    <p className="font-medium text-green-800">
      {freshness.roll} is fresh: last successful scrape finished {formatDateTime(freshness.lastSuccessAt)}.{due}
    </p>
  ) : (
    <p className="font-medium text-red-800">
      {freshness.roll} is overdue: last successful scrape finished {formatDateTime(freshness.lastSuccessAt)}, and the scheduled one after it has not succeeded.{due}
    </p>
  );
}

export function DataHealthPanel({ health }: { health: DataHealth }) {
  const chart = rowsChart(health.history);
  return (
    <section aria-labelledby="data-health" className="space-y-3">
      <h2 id="data-health" className="text-lg font-semibold">Data health</h2>
      <FreshnessNote freshness={health.freshness} />
      <p className="text-sm text-slate-600">
        Schedule: <code>{health.freshness.schedule}</code> ({health.freshness.timezone}).
      </p>
      <div className="flex flex-wrap gap-8">
        <table className="text-left text-sm">
          <caption className="text-left font-medium">Rows now</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="p-1">Roll</th>
              <th scope="col" className="p-1">Title</th>
              <th scope="col" className="p-1 text-right">Live</th>
              <th scope="col" className="p-1 text-right">Removed</th>
            </tr>
          </thead>
          <tbody>
            {health.live.map((row) => (
              <tr key={`${row.roll}:${row.titleType}`}>
                <td className="p-1">{row.roll}</td>
                <td className="p-1">{row.titleType}</td>
                <td className="p-1 text-right">{formatNumber(row.live)}</td>
                <td className="p-1 text-right">{formatNumber(row.removed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="text-left text-sm">
          <caption className="text-left font-medium">Last successful run</caption>
          <tbody>
            {health.lastSuccess.map((row) => (
              <tr key={row.roll}>
                <td className="p-1">{row.roll}</td>
                <td className="p-1"><Link className="underline" href={`/admin/runs/${row.runId}`}>#{row.runId}</Link> ({row.trigger}{row.wholeRoll ? "" : ", some suburbs"})</td>
                <td className="p-1">{formatDateTime(row.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chart.lines.length > 0 && (
        <figure>
          <svg viewBox={`0 0 ${chart.width} ${chart.height}`} className="h-36 w-full max-w-xl border border-slate-200" role="img" aria-label="Rows per roll and title type at each complete run">
            {chart.lines.map((line, index) => (
              <g key={line.key}>
                <path d={line.path} fill="none" stroke={LINE_COLOURS[index % LINE_COLOURS.length]} strokeWidth={2} />
                <circle cx={line.last.x} cy={line.last.y} r={3} fill={LINE_COLOURS[index % LINE_COLOURS.length]} />
              </g>
            ))}
          </svg>
          <figcaption className="text-sm text-slate-600">
            Rows found by each complete run, {formatDateTime(chart.from)} to {formatDateTime(chart.to)} (from {formatNumber(chart.minRows)} to {formatNumber(chart.maxRows)}):{" "}
            {chart.lines.map((line, index) => (
              <span key={line.key} className="mr-3" style={{ color: LINE_COLOURS[index % LINE_COLOURS.length] }}>
                ■ {line.label} ({formatNumber(line.last.rows)})
              </span>
            ))}
          </figcaption>
        </figure>
      )}
      <div>
        <h3 className="font-medium">Anomalies</h3>
        {health.suburbDrops.length === 0 && health.unusualRuns.length === 0 ? (
          <p className="text-sm">None in the recent runs.</p>
        ) : (
          <ul className="list-disc pl-6 text-sm">
            {health.suburbDrops.map((drop) => (
              <li key={`${drop.runId}:${drop.titleType}:${drop.suburbId}`}>
                Run <Link className="underline" href={`/admin/runs/${drop.runId}`}>#{drop.runId}</Link> ({formatDateTime(drop.at)}): {drop.suburbName} ({drop.titleType}) came back empty after
                having {formatNumber(drop.rowsBefore)} rows; its rows were kept.
              </li>
            ))}
            {health.unusualRuns.map((run) => (
              <li key={`unusual:${run.runId}`}>
                Run <Link className="underline" href={`/admin/runs/${run.runId}`}>#{run.runId}</Link> ({formatDateTime(run.at)}) touched {formatShare(run.share)} of {run.roll}: {formatNumber(run.rowsAdded)} added,{" "}
                {formatNumber(run.rowsChanged)} changed, {formatNumber(run.rowsRemoved)} removed.
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
