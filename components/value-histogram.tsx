import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";

export type HistogramBarData = { label: string; count: number; href: string; min: number; max: number | null };

/**
 * The distribution of market values as horizontal bars (they fit a phone and read at a glance).
 * Each bar is a link to the search for exactly those properties; its count is written beside it.
 */
export function ValueHistogram({ title, bars, unvalued }: { title: string; bars: HistogramBarData[]; unvalued: number }) {
  const t = useTranslations("suburbs.histogram");
  const format = useFormat();
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const counted = { n: total, count: format.number(total) };
  return (
    <figure className="rounded-lg border border-slate-300 bg-white p-4" data-testid="value-histogram">
      <figcaption className="mb-3">
        <span className="block font-semibold text-slate-950">{title}</span>
        <span className="text-sm text-slate-700">{unvalued > 0 ? t("valuedAndUnvalued", { ...counted, unvalued: format.number(unvalued) }) : t("valued", counted)}</span>
      </figcaption>
      <ol className="space-y-1.5">
        {bars.map((bar) => (
          <li key={bar.label} data-min={bar.min} data-max={bar.max ?? ""} data-count={bar.count}>
            <Link href={bar.href} className="group grid grid-cols-[7.5rem_1fr] items-center gap-2 rounded text-sm sm:grid-cols-[9rem_1fr]">
              <span className="text-slate-800 group-hover:underline">{bar.label}</span>
              <span className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="h-5 rounded-sm bg-blue-700 group-hover:bg-blue-900"
                  style={{ width: `${(bar.count / largest) * 75}%`, minWidth: bar.count > 0 ? "2px" : 0 }}
                />
                <span className="tabular-nums text-slate-950">
                  {format.number(bar.count)}
                  <span className="sr-only"> {t("barUnit")}</span>
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </figure>
  );
}
