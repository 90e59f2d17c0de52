"use client";

import { useCallback, useEffect, useState } from "react";
import type { RollId } from "@/lib/rolls/roll-id";
import { cursorOfNext, toResultRow, type SearchResults } from "@/lib/search-state/search-results";
import { toApiParams, type SearchState } from "@/lib/search-state/search-state";
import type { ValuationList } from "@/lib/valuations/valuation-schema";

const CACHE_LIMIT = 30;

async function fetchResults(query: string, defaultRoll: RollId, signal: AbortSignal): Promise<SearchResults> {
  const response = await fetch(`/api/valuations?${query}`, { signal, headers: { Accept: "application/json" } });
  if (response.status === 400) {
    const problem = (await response.json()) as { detail?: string; errors?: { parameter: string; message: string }[] };
    return { kind: "invalid", problems: problem.errors ?? [{ parameter: "search", message: problem.detail ?? "is not valid" }] };
  }
  if (response.status === 429) {
    return { kind: "error", failure: { reason: "rateLimited", retryAfterSeconds: response.headers.get("Retry-After") } };
  }
  if (!response.ok) return { kind: "error", failure: { reason: "status", status: response.status } };
  const body = (await response.json()) as ValuationList;
  return {
    kind: "ok",
    rows: body.data.map((valuation) => toResultRow(valuation, defaultRoll)),
    total: body.total ?? null,
    nextCursor: cursorOfNext(body.next),
    asAt: body.meta.asAt,
  };
}

/**
 * The results for the search in the URL: the server's first page when it is that search, else
 * fetched from GET /api/valuations. A newer search aborts the request of the one before, so an
 * old answer can never overwrite a newer one. Answers are kept (a few dozen) so Back is instant.
 * `results` is null while loading.
 */
export function useSearchResults(state: SearchState, defaultRoll: RollId, initial: { query: string; results: SearchResults }) {
  const query = toApiParams(state).toString();
  const [cache] = useState(() => new Map<string, SearchResults>([[initial.query, initial.results]]));
  const [answer, setAnswer] = useState<{ query: string; results: SearchResults } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (cache.has(query)) return;
    const controller = new AbortController();
    fetchResults(query, defaultRoll, controller.signal).then(
      (results) => {
        if (results.kind !== "error") {
          cache.set(query, results);
          if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
        }
        setAnswer({ query, results });
      },
      () => {
        if (controller.signal.aborted) return;
        setAnswer({ query, results: { kind: "error", failure: { reason: "unreachable" } } });
      },
    );
    return () => controller.abort();
  }, [cache, query, defaultRoll, attempt]);

  const results = cache.get(query) ?? (answer?.query === query ? answer.results : null);

  const retry = useCallback(() => {
    cache.delete(query);
    setAnswer(null);
    setAttempt((n) => n + 1);
  }, [cache, query]);

  return { results, retry };
}
