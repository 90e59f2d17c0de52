"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { RunJson } from "@/lib/admin/run-json";
import { useFormat } from "@/lib/i18n/use-format";
import { useDuration, useTriggerWord } from "./admin-words";
import { RunStateBadge } from "./run-state-badge";

// Run history: trigger, who, when, duration, counters, outcome and error.

const column = dataTableColumns<RunJson>();
const figure = { numeric: true };

function useColumns() {
  const t = useTranslations("admin.history");
  const format = useFormat();
  const duration = useDuration();
  const triggerWord = useTriggerWord();
  const counter = (key: keyof RunJson["counters"], header: string) =>
    column.accessor((run) => run.counters[key], { id: key, header, meta: figure, cell: (info) => format.number(info.row.original.counters[key]) });
  return column.columns([
    column.accessor("id", {
      header: t("columns.run"),
      cell: (info) => (
        <Link href={`/admin/runs/${info.getValue()}`} className="underline">
          #{info.getValue()}
        </Link>
      ),
    }),
    column.accessor("roll", { header: t("columns.roll") }),
    column.accessor("state", { header: t("columns.outcome"), cell: (info) => <RunStateBadge state={info.getValue()} /> }),
    column.accessor("trigger", { header: t("columns.trigger"), cell: (info) => triggerWord(info.getValue()) }),
    column.accessor((run) => run.triggeredBy ?? "–", { id: "triggeredBy", header: t("columns.who") }),
    column.accessor("startedAt", { header: t("columns.started"), meta: { className: "whitespace-nowrap" }, cell: (info) => format.dateTime(info.getValue()) }),
    column.accessor("durationMs", { header: t("columns.duration"), cell: (info) => duration(info.getValue()) }),
    column.accessor((run) => run.counters.tasksDone, {
      id: "tasks",
      header: t("columns.tasks"),
      meta: figure,
      cell: (info) => {
        const { tasksDone, tasksTotal, tasksFailed } = info.row.original.counters;
        const counts = { done: format.number(tasksDone), total: format.number(tasksTotal) };
        return tasksFailed > 0 ? t("tasksFailed", { ...counts, failed: format.number(tasksFailed) }) : t("tasks", counts);
      },
    }),
    counter("rowsSeen", t("columns.rowsSeen")),
    counter("rowsAdded", t("columns.added")),
    counter("rowsChanged", t("columns.changed")),
    counter("rowsRemoved", t("columns.removed")),
    column.accessor((run) => run.error ?? "", { id: "error", header: t("columns.error"), meta: { className: "max-w-xs break-words text-red-800" } }),
  ]);
}

export function RunHistoryTable({ runs }: { runs: RunJson[] }) {
  const t = useTranslations("admin.history");
  const columns = useColumns();
  if (runs.length === 0) return <p>{t("empty")}</p>;
  return <DataTable caption={t("caption")} columns={columns} rows={runs} rowId={(run) => String(run.id)} density="compact" />;
}
