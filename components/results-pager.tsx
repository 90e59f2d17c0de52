"use client";

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
  if (page === 1 && next === null) return null;
  return (
    <nav aria-label="Pages of results" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-2">
        {previous ? (
          <SearchLink href={previous.href} onNavigate={previous.go} className={linkClass} rel="prev">
            <span aria-hidden="true">←&nbsp;</span>Previous
          </SearchLink>
        ) : first && page > 1 ? (
          <SearchLink href={first.href} onNavigate={first.go} className={linkClass}>
            <span aria-hidden="true">«&nbsp;</span>First page
          </SearchLink>
        ) : (
          <span className={disabledClass} aria-hidden="true">
            ←&nbsp;Previous
          </span>
        )}
      </div>
      <p className="text-sm text-slate-800">
        Page {page}
        {pageCount !== null && ` of ${pageCount}`}
      </p>
      <div>
        {next ? (
          <SearchLink href={next.href} onNavigate={next.go} className={linkClass} rel="next">
            Next<span aria-hidden="true">&nbsp;→</span>
          </SearchLink>
        ) : (
          <span className={disabledClass} aria-hidden="true">
            Next&nbsp;→
          </span>
        )}
      </div>
    </nav>
  );
}
