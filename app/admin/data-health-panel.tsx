import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DataHealth } from "@/lib/admin/data-health";
import { rowsChart } from "@/lib/admin/rows-chart";
import { useFormat } from "@/lib/i18n/use-format";
import { useTitleTypeWord, useTriggerWord } from "./admin-words";

// Data health: rows per roll and title (now, and over time as a small chart), the last successful
// run of each roll, freshness against the schedule, and anomalies.

const LINE_COLOURS = ["#1d4ed8", "#b45309", "#15803d", "#9333ea", "#be123c", "#0f766e"];

function FreshnessNote({ freshness }: { freshness: DataHealth["freshness"] }) {
  const t = useTranslations("admin.health");
  const format = useFormat();
  if (freshness.state === "never") return <p className="font-medium text-red-800">{t("never", { roll: freshness.roll })}</p>;
  const due = freshness.dueBy ? ` ${t("dueBy", { at: format.dateTime(freshness.dueBy) })}` : "";
  const last = { roll: freshness.roll, at: format.dateTime(freshness.lastSuccessAt) };
  return freshness.state === "fresh" ? (
    <p className="font-medium text-green-800">
      {t("fresh", last)}
      {due}
    </p>
  ) : (
    <p className="font-medium text-red-800">
      {t("overdue", last)}
      {due}
    </p>
  );
}

export function DataHealthPanel({ health }: { health: DataHealth }) {
  const t = useTranslations("admin.health");
  const format = useFormat();
  const titleTypeWord = useTitleTypeWord();
  const triggerWord = useTriggerWord();
  const n = format.number;
  const chart = rowsChart(health.history);
  return (
    <section aria-labelledby="data-health" className="space-y-3">
      <h2 id="data-health" className="text-lg font-semibold">{t("heading")}</h2>
      <FreshnessNote freshness={health.freshness} />
      <p className="text-sm text-slate-600">
        {t.rich("schedule", { schedule: health.freshness.schedule, timezone: health.freshness.timezone, code: (chunks) => <code>{chunks}</code> })}
      </p>
      <div className="flex flex-wrap gap-8">
        <table className="text-left text-sm">
          <caption className="text-left font-medium">{t("rowsNow")}</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="p-1">{t("columns.roll")}</th>
              <th scope="col" className="p-1">{t("columns.title")}</th>
              <th scope="col" className="p-1 text-right">{t("columns.live")}</th>
              <th scope="col" className="p-1 text-right">{t("columns.removed")}</th>
            </tr>
          </thead>
          <tbody>
            {health.live.map((row) => (
              <tr key={`${row.roll}:${row.titleType}`}>
                <td className="p-1">{row.roll}</td>
                <td className="p-1">{titleTypeWord(row.titleType)}</td>
                <td className="p-1 text-right">{n(row.live)}</td>
                <td className="p-1 text-right">{n(row.removed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="text-left text-sm">
          <caption className="text-left font-medium">{t("lastSuccess")}</caption>
          <tbody>
            {health.lastSuccess.map((row) => (
              <tr key={row.roll}>
                <td className="p-1">{row.roll}</td>
                <td className="p-1"><Link className="underline" href={`/admin/runs/${row.runId}`}>#{row.runId}</Link> {t(row.wholeRoll ? "wholeRoll" : "someSuburbs", { trigger: triggerWord(row.trigger) })}</td>
                <td className="p-1">{format.dateTime(row.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chart.lines.length > 0 && (
        <figure>
          <svg viewBox={`0 0 ${chart.width} ${chart.height}`} className="h-36 w-full max-w-xl border border-slate-200" role="img" aria-label={t("chartLabel")}>
            {chart.lines.map((line, index) => (
              <g key={line.key}>
                <path d={line.path} fill="none" stroke={LINE_COLOURS[index % LINE_COLOURS.length]} strokeWidth={2} />
                <circle cx={line.last.x} cy={line.last.y} r={3} fill={LINE_COLOURS[index % LINE_COLOURS.length]} />
              </g>
            ))}
          </svg>
          <figcaption className="text-sm text-slate-600">
            {t("chartCaption", { from: format.dateTime(chart.from), to: format.dateTime(chart.to), min: n(chart.minRows), max: n(chart.maxRows) })}{" "}
            {chart.lines.map((line, index) => (
              <span key={line.key} className="mr-3" style={{ color: LINE_COLOURS[index % LINE_COLOURS.length] }}>
                ■ {t("chartLine", { roll: line.roll, titleType: titleTypeWord(line.titleType) })} ({n(line.last.rows)})
              </span>
            ))}
          </figcaption>
        </figure>
      )}
      <div>
        <h3 className="font-medium">{t("anomalies")}</h3>
        {health.suburbDrops.length === 0 && health.unusualRuns.length === 0 ? (
          <p className="text-sm">{t("noAnomalies")}</p>
        ) : (
          <ul className="list-disc pl-6 text-sm">
            {health.suburbDrops.map((drop) => (
              <li key={`${drop.runId}:${drop.titleType}:${drop.suburbId}`}>
                {t.rich("drop", {
                  id: String(drop.runId),
                  at: format.dateTime(drop.at),
                  suburb: drop.suburbName,
                  titleType: titleTypeWord(drop.titleType),
                  rows: n(drop.rowsBefore),
                  link: (chunks) => <Link className="underline" href={`/admin/runs/${drop.runId}`}>{chunks}</Link>,
                })}
              </li>
            ))}
            {health.unusualRuns.map((run) => (
              <li key={`unusual:${run.runId}`}>
                {t.rich("unusual", {
                  id: String(run.runId),
                  at: format.dateTime(run.at),
                  share: format.share(run.share),
                  roll: run.roll,
                  added: n(run.rowsAdded),
                  changed: n(run.rowsChanged),
                  removed: n(run.rowsRemoved),
                  link: (chunks) => <Link className="underline" href={`/admin/runs/${run.runId}`}>{chunks}</Link>,
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
