import { useTranslations } from "next-intl";
import type { DataStamp as Stamp } from "@/lib/pages/load-data-stamps";
import { useFormat } from "@/lib/i18n/use-format";

/** "Data as at …": our last complete refresh, and the roll's own dates as the municipality states them. */
export function DataStamp({ stamp, rollLabel }: { stamp: Stamp; rollLabel: string }) {
  const t = useTranslations("common.dataStamp");
  const format = useFormat();
  const refreshedAt = stamp.refreshedAt;
  return (
    <p className="text-xs text-slate-700 sm:text-sm" data-testid="data-stamp">
      <span className="font-medium text-slate-900">{t("asAt")} </span>
      {refreshedAt
        ? t.rich("refreshed", { roll: rollLabel, dateTime: format.dateTime(refreshedAt), time: (chunks) => <time dateTime={refreshedAt}>{chunks}</time> })
        : t("notCopied", { roll: rollLabel })}
      {(stamp.valuationsAsAt || stamp.ownershipAsAt) && (
        <>
          {t("rollDated", { valuations: stamp.valuationsAsAt ? format.calendarDate(stamp.valuationsAsAt) : t("notStated") })}
          {stamp.ownershipAsAt && t("ownership", { ownership: format.calendarDate(stamp.ownershipAsAt) })}
        </>
      )}
      .
    </p>
  );
}
