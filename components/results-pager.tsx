"use client";

import { useTranslations } from "next-intl";
import { SearchLink } from "./search-link";

export type PageLink = { href: string; go: () => void };

const linkClass = "inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 font-medium text-blue-800 hover:bg-blue-50";
const disabledClass = "inline-flex min-h-11 items-center rounded-md border border-slate-200 px-4 text-slate-600";

/** Previous / next page. Pages follow the API's cursors: "Previous" is known only for pages reached from page one in this tab. */
export function ResultsPager({
  page,
  pageCount,
  previous,
  first,
  next,
}: {
  page: number;
  pageCount: number | null;
  previous: PageLink | null;
  first: PageLink | null;
  next: PageLink | null;
}) {
  const t = useTranslations("search.pager");
  if (page === 1 && next === null) return null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-2">
        {previous ? (
          <SearchLink href={previous.href} onNavigate={previous.go} className={linkClass} rel="prev">
            <span aria-hidden="true">←&nbsp;</span>
            {t("previous")}
          </SearchLink>
        ) : first && page > 1 ? (
          <SearchLink href={first.href} onNavigate={first.go} className={linkClass}>
            <span aria-hidden="true">«&nbsp;</span>
            {t("first")}
          </SearchLink>
        ) : (
          <span className={disabledClass} aria-hidden="true">
            ←&nbsp;{t("previous")}
          </span>
        )}
      </div>
      <p className="text-sm text-slate-800">
        {pageCount === null ? t("page", { page: String(page) }) : t("pageOf", { page: String(page), pageCount: String(pageCount) })}
      </p>
      <div>
        {next ? (
          <SearchLink href={next.href} onNavigate={next.go} className={linkClass} rel="next">
            {t("next")}
            <span aria-hidden="true">&nbsp;→</span>
          </SearchLink>
        ) : (
          <span className={disabledClass} aria-hidden="true">
            {t("next")}&nbsp;→
          </span>
        )}
      </div>
    </nav>
  );
}
