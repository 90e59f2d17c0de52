import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import type { ResultRow } from "@/lib/search-state/search-results";

/** The results as cards (phones): the address and the value first, the rest below. */
export function ResultsCards({ rows }: { rows: ResultRow[] }) {
  const t = useTranslations("search.columns");
  const heading = useTranslations("search.results")("heading");
  const format = useFormat();
  return (
    <ol className="space-y-3" aria-label={heading}>
      {rows.map((row) => (
        <li key={row.key} data-rate-number={row.rateNumber} className="rounded-md border border-slate-300 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <Link href={row.href} className="break-words font-semibold text-blue-800 underline underline-offset-2">
              {row.address || t("noAddress")}
            </Link>
            <span className="whitespace-nowrap font-semibold tabular-nums text-slate-950">{format.rand(row.marketValue)}</span>
          </div>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-800">
            <dt className="text-slate-700">{t("rateNumber")}</dt>
            <dd className="tabular-nums">
              {row.rateNumber}
              {row.titleType === "sectional" && ` ${t("sectional")}`}
            </dd>
            <dt className="text-slate-700">{t("suburb")}</dt>
            <dd className="break-words">{row.suburbName}</dd>
            <dt className="text-slate-700">{t("legalShort")}</dt>
            <dd className="break-words">{row.legalDescription}</dd>
            <dt className="text-slate-700">{t("use")}</dt>
            <dd>
              {row.useDescription ?? "—"}
              {row.ratingCategory ? ` · ${row.ratingCategory}` : ""}
            </dd>
            <dt className="text-slate-700">{t("extent")}</dt>
            <dd className="tabular-nums">{format.extent(row.registeredExtent)}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
