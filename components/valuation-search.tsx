"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { debounce, useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { NO_DATA_STAMP, type DataStamps } from "@/lib/pages/load-data-stamps";
import type { FilterOptions } from "@/lib/pages/load-filter-options";
import { searchFeedPath } from "@/lib/feeds/feed-paths";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { useFormat } from "@/lib/i18n/use-format";
import { describeFailure, describeProblem, statusLine, type SearchResults } from "@/lib/search-state/search-results";
import {
  changeSearch,
  consistentSearch,
  effectiveSort,
  exportHref,
  goToPage,
  initialSearchState,
  isNarrowed,
  listingKey,
  PAGE_SIZES,
  parseSearchState,
  searchHref,
  searchParsers,
  searchTitle,
  sortOptions,
  toApiParams,
  toggledSort,
  type PageSize,
  type SearchState,
} from "@/lib/search-state/search-state";
import { DataStamp } from "./data-stamp";
import { FollowLink } from "./follow-link";
import { ResultsCards } from "./results-cards";
import { ResultsPager, type PageLink } from "./results-pager";
import { ResultsSkeleton } from "./results-skeleton";
import { ResultsTable } from "./results-table";
import { SEARCH_FORM_ID, SearchForm, type ApplyMode, type SearchPatch } from "./search-form";
import { SearchLink } from "./search-link";
import { useSearchResults } from "./use-search-results";

const TYPING_PAUSE_MS = 300;

/**
 * The search page in the browser. The URL is the state (shareable; Back and Forward walk through
 * searches), kept by nuqs: the form shows each change at once, the URL (and with it the results)
 * follows typing after a pause. The first page arrives rendered by the server, later ones from
 * GET /api/valuations.
 */
export function ValuationSearch({
  defaultRoll,
  rolls,
  initialQuery,
  initialResults,
  options,
  stamps,
}: {
  defaultRoll: RollId;
  /** The registry's rolls, newest first. */
  rolls: readonly RollOption[];
  /** The API query the server answered (toApiParams of the state it rendered). */
  initialQuery: string;
  initialResults: SearchResults;
  options: FilterOptions;
  stamps: DataStamps;
}) {
  const t = useTranslations("search");
  const siteName = useTranslations("common")("siteName");
  const format = useFormat();
  const parsers = useMemo(() => searchParsers(defaultRoll, rolls.map((roll) => roll.id)), [defaultRoll, rolls]);
  const [params, setParams] = useQueryStates(parsers);
  // What the form shows: every change, typing included, as soon as it is made.
  const shown = useMemo(() => consistentSearch(params), [params]);
  // What the URL says, and so what the results are for.
  const searchParams = useSearchParams();
  const state = useMemo(() => parseSearchState(searchParams, defaultRoll, rolls), [searchParams, defaultRoll, rolls]);
  const { results, retry } = useSearchResults(state, defaultRoll, { query: initialQuery, results: initialResults });

  const shownRef = useRef(shown);
  shownRef.current = shown;
  // A burst of typing is one history entry (pushed by its first URL update, replaced by the
  // next); any other change is its own. Counts changes, so a late URL update of typing that a
  // newer change overtook does not claim the entry.
  const changes = useRef(0);
  const typingEntry = useRef(false);

  const onChange = useCallback(
    (patch: SearchPatch, mode: ApplyMode) => {
      const next = changeSearch(shownRef.current, patch);
      if (searchHref(next, defaultRoll) === searchHref(shownRef.current, defaultRoll)) return;
      const change = ++changes.current;
      if (mode === "typing") {
        void setParams(next, { history: typingEntry.current ? "replace" : "push", limitUrlUpdates: debounce(TYPING_PAUSE_MS) }).then(() => {
          if (changes.current === change) typingEntry.current = true;
        });
      } else {
        typingEntry.current = false;
        void setParams(next, { history: "push" });
      }
    },
    [defaultRoll, setParams],
  );

  const go = useCallback(
    (next: SearchState) => {
      changes.current++;
      typingEntry.current = false;
      void setParams(next, { history: "push" });
      window.scrollTo({ top: 0 });
      document.getElementById("results-heading")?.focus({ preventScroll: true });
    },
    [setParams],
  );

  // Cursors of the pages seen, per listing, so "Previous" can go back without the Back button.
  const [trail] = useState(() => new Map<string, Map<number, string | null>>());
  const key = listingKey(state);
  const pages = trail.get(key) ?? new Map<number, string | null>([[1, null]]);
  trail.set(key, pages);
  pages.set(state.page, state.cursor);

  useEffect(() => {
    document.title = `${searchTitle(state, defaultRoll, rolls, t)} · ${siteName}`;
  }, [state, defaultRoll, rolls, t, siteName]);

  const link = (next: SearchState): PageLink => ({ href: searchHref(next, defaultRoll), go: () => go(next) });
  const sort = effectiveSort(shown);
  // The table is sorted as its rows were fetched: by the URL's sort.
  const tableSort = effectiveSort(state);
  const loading = results === null;
  // While the next results load, the status line keeps saying what is on screen.
  const status = results ? statusLine(results, state, t, format) : null;
  const lastStatus = useRef(t("results.searching"));
  useEffect(() => {
    if (status !== null) lastStatus.current = status;
  }, [status]);

  const previousCursor = pages.get(state.page - 1);
  const pageLinks =
    results?.kind === "ok"
      ? {
          previous: state.page > 1 && previousCursor !== undefined ? link(goToPage(state, previousCursor, state.page - 1)) : null,
          first: state.page > 1 ? link(goToPage(state, null, 1)) : null,
          next: results.nextCursor !== null ? link(goToPage(state, results.nextCursor, state.page + 1)) : null,
        }
      : null;

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-bold text-slate-950 sm:text-3xl">{t("heading")}</h1>
        <p className="hidden text-slate-800 sm:block">{t("intro", { roll: rollLabel(rolls, state.roll) })}</p>
      </div>

      <SearchForm state={shown} defaultRoll={defaultRoll} rolls={rolls} options={options} onChange={onChange} />

      <section aria-labelledby="results-heading" aria-busy={loading} className="space-y-3" data-testid="results">
        <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-2">
          <div className="w-full md:w-auto">
            <h2 id="results-heading" tabIndex={-1} className="text-lg font-semibold text-slate-950 focus:outline-none">
              {t("results.heading")}
            </h2>
            <p role="status" aria-live="polite" aria-atomic="true" className="text-slate-800" data-testid="result-count">
              {status ?? lastStatus.current}
            </p>
            {loading && (
              <p className="text-sm text-slate-700" aria-hidden="true">
                {t("results.searching")}
              </p>
            )}
            <DataStamp stamp={stamps[state.roll] ?? NO_DATA_STAMP} rollLabel={rollLabel(rolls, state.roll)} />
          </div>
          <div className="flex w-full flex-wrap items-end gap-3 md:w-auto">
            <div className="min-w-0 flex-1 md:flex-none">
              <label htmlFor="sort-by" className="mb-1 block text-sm font-medium text-slate-800">
                {t("results.sortBy")}
              </label>
              <select
                id="sort-by"
                name="sort"
                form={SEARCH_FORM_ID}
                value={sort}
                onChange={(event) => onChange({ sort: event.target.value }, "now")}
                className="w-full rounded-md border border-slate-400 bg-white px-2 py-2 text-base"
              >
                {sortOptions(shown, t).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="page-size" className="mb-1 block text-sm font-medium text-slate-800">
                {t("results.perPage")}
              </label>
              <select
                id="page-size"
                name="size"
                form={SEARCH_FORM_ID}
                value={shown.size}
                onChange={(event) => onChange({ size: Number(event.target.value) as PageSize }, "now")}
                className="rounded-md border border-slate-400 bg-white px-2 py-2 text-base"
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </div>
            <a
              href={exportHref(state)}
              download
              className="inline-flex min-h-11 w-full items-center rounded-md px-1 font-medium md:w-auto text-blue-800 underline underline-offset-2 hover:text-blue-950 md:border md:border-slate-400 md:bg-white md:px-3 md:no-underline md:hover:bg-blue-50"
            >
              {t("results.download")}
              <span className="sr-only"> {t("results.downloadWhat")}</span>
            </a>
            <FollowLink href={searchFeedPath(toApiParams(state))} what={t("followWhat")} className="md:px-1" />
          </div>
        </div>
        <noscript>
          <p className="text-sm text-slate-700">{t("results.noscript")}</p>
        </noscript>

        {loading ? (
          <ResultsSkeleton rows={state.size} />
        ) : results.kind === "error" ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4">
            <p className="font-semibold text-red-900">{t("error.title")}</p>
            <p className="text-red-900">{describeFailure(results.failure, t)}</p>
            <button type="button" onClick={retry} className="mt-3 rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
              {t("error.retry")}
            </button>
          </div>
        ) : results.kind === "invalid" ? (
          <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
            <p className="font-semibold">{t("invalid.title")}</p>
            <ul className="ml-5 list-disc">
              {results.problems.map((problem) => (
                <li key={problem.parameter}>{describeProblem(problem, t)}</li>
              ))}
            </ul>
            <SearchLink href="/" onNavigate={() => go(initialSearchState(defaultRoll))} className="mt-2 inline-block text-blue-800 underline">
              {t("invalid.restart")}
            </SearchLink>
          </div>
        ) : results.rows.length === 0 ? (
          <EmptyResults state={state} defaultRoll={defaultRoll} rolls={rolls} go={go} />
        ) : (
          <>
            <div className="hidden md:block">
              <ResultsTable
                rows={results.rows}
                sort={tableSort}
                caption={t("results.caption", { sort: sortOptions(state, t).find((option) => option.value === tableSort)?.label ?? tableSort })}
                onSort={(field) => onChange({ sort: toggledSort(state, field) }, "now")}
              />
            </div>
            <div className="md:hidden">
              <ResultsCards rows={results.rows} />
            </div>
            {pageLinks && <ResultsPager page={state.page} pageCount={results.total === null ? null : Math.max(1, Math.ceil(results.total / state.size))} {...pageLinks} />}
          </>
        )}
      </section>
    </div>
  );
}

function EmptyResults({ state, defaultRoll, rolls, go }: { state: SearchState; defaultRoll: RollId; rolls: readonly RollOption[]; go: (next: SearchState) => void }) {
  const t = useTranslations("search.empty");
  const removals: { label: string; next: SearchState }[] = [];
  if (state.title !== null) removals.push({ label: t("anyTitleType"), next: changeSearch(state, { title: null }) });
  if (state.suburb !== "") removals.push({ label: t("everySuburb", { suburb: state.suburb }), next: changeSearch(state, { suburb: "" }) });
  if (state.useCode !== null) removals.push({ label: t("anyUse"), next: changeSearch(state, { useCode: null }) });
  if (state.ratingCategory !== "") removals.push({ label: t("anyRatingCategory"), next: changeSearch(state, { ratingCategory: "" }) });
  if (state.minValue !== null || state.maxValue !== null) removals.push({ label: t("anyMarketValue"), next: changeSearch(state, { minValue: null, maxValue: null }) });
  if (state.minExtent !== null || state.maxExtent !== null) removals.push({ label: t("anyExtent"), next: changeSearch(state, { minExtent: null, maxExtent: null }) });
  const otherRoll = state.roll === defaultRoll ? null : defaultRoll;
  return (
    <div className="rounded-md border border-slate-300 bg-white p-4" data-testid="empty-results">
      <p className="font-semibold text-slate-950">{t("title")}</p>
      <ul className="ml-5 mt-2 list-disc space-y-1 text-slate-800">
        {state.q !== "" && <li>{t("fewerWords")}</li>}
        {removals.map((removal) => (
          <li key={removal.label}>
            {t.rich("try", {
              label: removal.label,
              link: (chunks) => (
                <SearchLink href={searchHref(removal.next, defaultRoll)} onNavigate={() => go(removal.next)} className="text-blue-800 underline">
                  {chunks}
                </SearchLink>
              ),
            })}
          </li>
        ))}
        {otherRoll && (
          <li>
            {t.rich("otherRoll", {
              roll: rollLabel(rolls, otherRoll),
              link: (chunks) => (
                <SearchLink href={searchHref(changeSearch(state, { roll: otherRoll }), defaultRoll)} onNavigate={() => go(changeSearch(state, { roll: otherRoll }))} className="text-blue-800 underline">
                  {chunks}
                </SearchLink>
              ),
            })}
          </li>
        )}
        {isNarrowed(state) && (
          <li>
            {t.rich("clearAll", {
              link: (chunks) => (
                <SearchLink href="/" onNavigate={() => go(initialSearchState(defaultRoll))} className="text-blue-800 underline">
                  {chunks}
                </SearchLink>
              ),
            })}
          </li>
        )}
      </ul>
    </div>
  );
}
