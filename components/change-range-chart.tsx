import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";

export type ChangeRangeRow = { key: string; label: string; href: string; compared: number; q1Percent: number; medianPercent: number; q3Percent: number };

/**
 * The change in value per group, in per cent: a bar over the middle half (first to third
 * quartile) with a tick at the median, on one scale that includes zero (marked), so rises and
 * falls read at a glance. The figures are written out, and carried as data attributes.
 */
export function ChangeRangeChart({ title, note, rows, testId }: { title: string; note: string; rows: ChangeRangeRow[]; testId: string }) {
  const t = useTranslations("changes.rangeChart");
  const format = useFormat();
  const low = Math.min(0, ...rows.map((row) => row.q1Percent));
  const high = Math.max(0, ...rows.map((row) => row.q3Percent));
  const span = Math.max(1, high - low);
  const at = (value: number) => `${((value - low) / span) * 100}%`;
  return (
    <figure className="rounded-lg border border-slate-300 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-3">
        <span className="block font-semibold text-slate-950">{title}</span>
        <span className="text-sm text-slate-700">{note}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="text-slate-800">{t("empty")}</p>
      ) : (
        <ol className="space-y-3">
          {rows.map((row) => (
            <li key={row.key} data-key={row.key} data-median-percent={row.medianPercent} data-q1-percent={row.q1Percent} data-q3-percent={row.q3Percent} data-compared={row.compared}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
                <Link href={row.href} className="font-medium text-blue-800 underline">
                  {row.label}
                </Link>
                <span className="tabular-nums text-slate-800">
                  {t.rich("median", { value: format.percentChange(row.medianPercent), strong: (chunks) => <strong className="text-slate-950">{chunks}</strong> })}
                </span>
              </div>
              <div aria-hidden="true" className="relative mt-1 h-4 rounded-sm bg-slate-100">
                <div className="absolute top-0 h-4 w-px bg-slate-900" style={{ left: at(0) }} />
                <div
                  className={`absolute top-0 h-4 rounded-sm ${row.medianPercent >= 0 ? "bg-emerald-300" : "bg-rose-300"}`}
                  style={{ left: at(row.q1Percent), width: `calc(${at(row.q3Percent)} - ${at(row.q1Percent)})` }}
                />
                <div className="absolute -top-0.5 h-5 w-1 -translate-x-1/2 rounded-sm bg-slate-900" style={{ left: at(row.medianPercent) }} />
              </div>
              <p className="mt-0.5 text-xs tabular-nums text-slate-700">
                {/* The count as it always read (no digit groups), so the English text is unchanged. */}
                {t("middleHalf", { from: format.percentChange(row.q1Percent), to: format.percentChange(row.q3Percent), count: String(row.compared) })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
