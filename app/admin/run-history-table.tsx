import Link from "next/link";
import { formatDateTime } from "@/lib/format/format-date";
import { formatDuration } from "@/lib/format/format-duration";
import { formatNumber } from "@/lib/format/format-number";
import type { RunJson } from "@/lib/admin/run-json";
import { RunStateBadge } from "./run-state-badge";

// Run history: trigger, who, when, duration, counters, outcome and error.

export function RunHistoryTable({ runs }: { runs: RunJson[] }) {
  if (runs.length === 0) return <p>No scrape has run yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Scrape runs, newest first</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="p-1">Run</th>
            <th scope="col" className="p-1">Roll</th>
            <th scope="col" className="p-1">Outcome</th>
            <th scope="col" className="p-1">Trigger</th>
            <th scope="col" className="p-1">Who</th>
            <th scope="col" className="p-1">Started</th>
            <th scope="col" className="p-1">Duration</th>
            <th scope="col" className="p-1 text-right">Tasks</th>
            <th scope="col" className="p-1 text-right">Rows seen</th>
            <th scope="col" className="p-1 text-right">Added</th>
            <th scope="col" className="p-1 text-right">Changed</th>
            <th scope="col" className="p-1 text-right">Removed</th>
            <th scope="col" className="p-1">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-slate-100 align-top">
              <td className="p-1"><Link href={`/admin/runs/${run.id}`} className="underline">#{run.id}</Link></td>
              <td className="p-1">{run.roll}</td>
              <td className="p-1"><RunStateBadge state={run.state} /></td>
              <td className="p-1">{run.trigger}</td>
              <td className="p-1">{run.triggeredBy ?? "–"}</td>
              <td className="p-1 whitespace-nowrap">{formatDateTime(run.startedAt)}</td>
              <td className="p-1">{formatDuration(run.durationMs)}</td>
              <td className="p-1 text-right">{formatNumber(run.counters.tasksDone)} / {formatNumber(run.counters.tasksTotal)}{run.counters.tasksFailed > 0 ? ` (${formatNumber(run.counters.tasksFailed)} failed)` : ""}</td>
              <td className="p-1 text-right">{formatNumber(run.counters.rowsSeen)}</td>
              <td className="p-1 text-right">{formatNumber(run.counters.rowsAdded)}</td>
              <td className="p-1 text-right">{formatNumber(run.counters.rowsChanged)}</td>
              <td className="p-1 text-right">{formatNumber(run.counters.rowsRemoved)}</td>
              <td className="max-w-xs p-1 break-words text-red-800">{run.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
