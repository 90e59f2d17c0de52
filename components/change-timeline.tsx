import { useTranslations } from "next-intl";
import { fieldLabel } from "@/lib/format/field-labels";
import { useFormat } from "@/lib/i18n/use-format";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";

type Change = ValuationDetailResponse["history"][number];

const KIND_DOT: Record<Change["kind"], string> = {
  added: "bg-emerald-700",
  changed: "bg-blue-700",
  removed: "bg-red-700",
  restored: "bg-amber-600",
};

/** An owner change recorded without the names (OWNER_NAMES other than full, or a suppressed property). */
function withoutValues(change: Change, field: string): boolean {
  return !Object.hasOwn(change.before ?? {}, field) && !Object.hasOwn(change.after ?? {}, field);
}

/** The change history of a property, newest first, as a vertical timeline. */
export function ChangeTimeline({ history }: { history: Change[] }) {
  const t = useTranslations("property.history");
  const format = useFormat();
  if (history.length === 0) return <p className="text-slate-800">{t("none")}</p>;
  return (
    <ol className="relative ml-2 space-y-5 border-l-2 border-slate-300 pl-5" data-testid="history">
      {history.map((change, index) => (
        <li key={`${change.runId}-${index}`} className="relative">
          <span aria-hidden="true" className={`absolute -left-[1.72rem] top-1.5 h-3 w-3 rounded-full ring-4 ring-slate-50 ${KIND_DOT[change.kind]}`} />
          <p className="font-semibold text-slate-950">{t(`kind.${change.kind}`)}</p>
          <p className="text-sm text-slate-700">
            <time dateTime={change.changedAt}>{format.dateTime(change.changedAt)}</time> · {t("run", { runId: String(change.runId) })}
          </p>
          {change.kind === "changed" && change.fields.length > 0 && (
            <dl className="mt-2 space-y-2 text-sm">
              {change.fields.map((field) => (
                <div key={field} className="rounded border border-slate-200 bg-white p-2">
                  <dt className="font-medium text-slate-900">{fieldLabel(field, format.locale)}</dt>
                  {withoutValues(change, field) ? (
                    <dd className="text-slate-800">{t("namesNotKept")}</dd>
                  ) : (
                    <dd className="break-words text-slate-800">
                      <span className="sr-only">{t("from")} </span>
                      <del className="text-slate-700">{format.cellValue(field, change.before?.[field])}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only"> {t("to")} </span>
                      <ins className="font-medium text-slate-950 no-underline">{format.cellValue(field, change.after?.[field])}</ins>
                    </dd>
                  )}
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
