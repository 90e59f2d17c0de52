import type { DataStamp as Stamp } from "@/lib/pages/load-data-stamps";
import { formatCalendarDate, formatDateTime } from "@/lib/format/format-date";

/** "Data as at …": our last complete refresh, and the roll's own dates as the municipality states them. */
export function DataStamp({ stamp, rollLabel }: { stamp: Stamp; rollLabel: string }) {
  return (
    <p className="text-xs text-slate-700 sm:text-sm" data-testid="data-stamp">
      <span className="font-medium text-slate-900">Data as at </span>
      {stamp.refreshedAt ? (
        <>
          <time dateTime={stamp.refreshedAt}>{formatDateTime(stamp.refreshedAt)}</time> (our last full copy of the {rollLabel} roll)
        </>
      ) : (
        <>: the {rollLabel} roll has not been copied completely yet</>
      )}
      {(stamp.valuationsAsAt || stamp.ownershipAsAt) && (
        <>
          . Municipal roll dated: valuations {stamp.valuationsAsAt ? formatCalendarDate(stamp.valuationsAsAt) : "not stated"}
          {stamp.ownershipAsAt && <>, ownership {formatCalendarDate(stamp.ownershipAsAt)}</>}
        </>
      )}
      .
    </p>
  );
}
