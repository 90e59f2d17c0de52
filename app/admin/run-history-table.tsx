"use client";

import Link from "next/link";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { RunJson } from "@/lib/admin/run-json";
import { formatDateTime } from "@/lib/format/format-date";
import { formatDuration } from "@/lib/format/format-duration";
import { formatNumber } from "@/lib/format/format-number";
import { RunStateBadge } from "./run-state-badge";

// Run history: trigger, who, when, duration, counters, outcome and error.

const column = dataTableColumns<RunJson>();
const figure = { numeric: true };
const counter = (key: keyof RunJson["counters"], header: string) =>
  column.accessor((run) => run.counters[key], { id: key, header, meta: figure, cell: (info) => formatNumber(info.row.original.counters[key]) });

const columns = column.columns([
  column.accessor("id", {
    header: "Run",
    cell: (info) => (
      <Link href={`/admin/runs/${info.getValue()}`} className="underline">
        #{info.getValue()}
      </Link>
    ),
  }),
  column.accessor("roll", { header: "Roll" }),
  column.accessor("state", { header: "Outcome", cell: (info) => <RunStateBadge state={info.getValue()} /> }),
  column.accessor("trigger", { header: "Trigger" }),
  column.accessor((run) => run.triggeredBy ?? "–", { id: "triggeredBy", header: "Who" }),
  column.accessor("startedAt", { header: "Started", meta: { className: "whitespace-nowrap" }, cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor("durationMs", { header: "Duration", cell: (info) => formatDuration(info.getValue()) }),
  column.accessor((run) => run.counters.tasksDone, {
    id: "tasks",
    header: "Tasks",
    meta: figure,
    cell: (info) => {
      const { tasksDone, tasksTotal, tasksFailed } = info.row.original.counters;
      return `${formatNumber(tasksDone)} / ${formatNumber(tasksTotal)}${tasksFailed > 0 ? ` (${formatNumber(tasksFailed)} failed)` : ""}`;
    },
  }),
  counter("rowsSeen", "Rows seen"),
  counter("rowsAdded", "Added"),
  counter("rowsChanged", "Changed"),
  counter("rowsRemoved", "Removed"),
  column.accessor((run) => run.error ?? "", { id: "error", header: "Error", meta: { className: "max-w-xs break-words text-red-800" } }),
]);

export function RunHistoryTable({ runs }: { runs: RunJson[] }) {
  if (runs.length === 0) return <p>No scrape has run yet.</p>;
  return <DataTable caption="Scrape runs, newest first" columns={columns} rows={runs} rowId={(run) => String(run.id)} density="compact" />;
}
