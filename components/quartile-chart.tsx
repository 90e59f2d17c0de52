import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import type { QuartileRow } from "@/lib/suburbs/stats-rows";

/**
 * Median and middle half (first to third quartile) of market values per group, as a bar from Q1
 * to Q3 with a tick at the median, all on one scale. The figures are written out too; the table
 * below it has them all.
 */
export function QuartileChart({ title, note, rows }: { title: string; note: string; rows: QuartileRow[] }) {
  const t = useTranslations("suburbs.quartileChart");
  const format = useFormat();
  const plotted = rows.filter((row) => row.q1 !== null && row.median !== null && row.q3 !== null);
  const scaleMax = Math.max(1, ...plotted.map((row) => row.q3 ?? 0));
  const at = (value: number) => `${Math.min(100, (value / scaleMax) * 100)}%`;
  return (
    <figure className="rounded-lg border border-slate-300 bg-white p-4" data-testid="quartile-chart">
      <figcaption className="mb-3">
        <span className="block font-semibold text-slate-950">{title}</span>
        <span className="text-sm text-slate-700">{note}</span>
      </figcaption>
      {plotted.length === 0 ? (
        <p className="text-slate-800">{t("empty")}</p>
      ) : (
        <ol className="space-y-3">
          {plotted.map((row) => (
            <li key={row.key} data-key={row.key} data-q1={row.q1 ?? ""} data-median={row.median ?? ""} data-q3={row.q3 ?? ""}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
                <Link href={row.href} className="font-medium text-blue-800 underline">
                  {row.label}
                </Link>
                <span className="tabular-nums text-slate-800">
                  {t.rich("median", { value: format.rand(row.median), strong: (chunks) => <strong className="text-slate-950">{chunks}</strong> })}
                </span>
              </div>
              <div aria-hidden="true" className="relative mt-1 h-4 rounded-sm bg-slate-100">
                <div className="absolute top-0 h-4 rounded-sm bg-blue-300" style={{ left: at(row.q1 ?? 0), width: `calc(${at(row.q3 ?? 0)} - ${at(row.q1 ?? 0)})` }} />
                <div className="absolute -top-0.5 h-5 w-1 -translate-x-1/2 rounded-sm bg-blue-900" style={{ left: at(row.median ?? 0) }} />
              </div>
              <p className="mt-0.5 text-xs tabular-nums text-slate-700">{t("middleHalf", { from: format.randShort(row.q1 ?? 0), to: format.randShort(row.q3 ?? 0) })}</p>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
