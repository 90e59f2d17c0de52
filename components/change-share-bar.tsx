import { useTranslations } from "next-intl";
import type { ChangeSummary } from "@/lib/roll-changes/change-stats";
import { FLAT_PERCENT } from "@/lib/roll-changes/change-stats";
import { useFormat } from "@/lib/i18n/use-format";

/**
 * How values moved over a set of properties: one bar split into the shares that went up, stayed
 * within ±1% and went down, with the median and middle half of the change written out. The
 * numbers are the API's ChangeSummary, as data attributes too.
 */
export function ChangeShareBar({ title, change }: { title: string; change: ChangeSummary }) {
  const t = useTranslations("changes.shareBar");
  const format = useFormat();
  const percentText = (value: number | null) => (value === null ? "—" : format.percentChange(value));
  const shares = [
    { name: "up", label: t("up"), share: change.upShare, count: change.up, className: "bg-emerald-600" },
    { name: "flat", label: t("flat", { percent: format.number(FLAT_PERCENT) }), share: change.flatShare, count: change.flat, className: "bg-slate-400" },
    { name: "down", label: t("down"), share: change.downShare, count: change.down, className: "bg-rose-600" },
  ];
  return (
    <figure
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
      data-testid="change-summary"
      data-compared={change.compared}
      data-median-percent={change.medianPercent ?? ""}
      data-q1-percent={change.q1Percent ?? ""}
      data-q3-percent={change.q3Percent ?? ""}
      data-median-change={change.medianChange ?? ""}
      data-up-share={change.upShare ?? ""}
      data-flat-share={change.flatShare ?? ""}
      data-down-share={change.downShare ?? ""}
    >
      <figcaption className="font-semibold text-slate-950">{title}</figcaption>
      {change.compared === 0 ? (
        <p className="text-slate-800">{t("empty")}</p>
      ) : (
        <>
          <p className="text-slate-800">
            {t.rich("summary", {
              compared: format.number(change.compared),
              median: percentText(change.medianPercent),
              medianChange: change.medianChange === null ? "—" : format.randChange(change.medianChange),
              q1: percentText(change.q1Percent),
              q3: percentText(change.q3Percent),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <div aria-hidden="true" className="flex h-5 w-full overflow-hidden rounded-sm bg-slate-100">
            {shares.map((part) => (
              <div key={part.name} className={part.className} style={{ width: `${part.share ?? 0}%` }} />
            ))}
          </div>
          <ul className="flex flex-wrap gap-x-4 text-sm tabular-nums text-slate-800">
            {shares.map((part) => (
              <li key={part.name} data-share={part.name}>
                <span className={`mr-1 inline-block h-3 w-3 rounded-sm align-middle ${part.className}`} />
                {part.label}: {part.share === null ? "—" : `${format.number(part.share, 1)}%`} ({format.number(part.count)})
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
