import { LayoutError, TruncatedPageError } from "./layout-error";
import { parseResultsPage, type ResultRow } from "./parse-results";
import { SiteError, type SiteClient } from "./site-client";

// One SearchResult.aspx answer, read until it arrived whole. Whether it is *complete* is another
// matter: the caption counts the rows sent (the site's XSLT is count() of the rows in the answer),
// so a capped answer looks complete but for the banner. The callers decide what an answer proves.

export class IncompleteAnswerError extends Error {
  override name = "IncompleteAnswerError";
}

export type Answer = { noMatch: boolean; total: number; banner: boolean; rows: ResultRow[] };

const ATTEMPTS_PER_PAGE = 3;

export async function readAnswer(client: SiteClient, path: string): Promise<Answer> {
  let lastShortfall = "";
  for (let attempt = 1; attempt <= ATTEMPTS_PER_PAGE; attempt += 1) {
    let page: ReturnType<typeof parseResultsPage>;
    try {
      page = parseResultsPage(await client.get(path));
    } catch (error) {
      // A body cut off in transit: the HTTP retries never saw it, so it is fetched again here.
      const cutOff = error instanceof TruncatedPageError || (error instanceof SiteError && error.phase === "body");
      if (!cutOff || attempt === ATTEMPTS_PER_PAGE) throw error;
      lastShortfall = (error as Error).message;
      continue;
    }
    if (page.kind === "no-match") return { noMatch: true, total: 0, banner: false, rows: [] };
    if (page.rows.length > page.total) {
      throw new LayoutError(`the caption says ${page.total} records but the table has ${page.rows.length} rows`);
    }
    // Fewer rows than the caption: a server that truncates under the banner, or a transfer that
    // lost rows; without the banner it is fetched again.
    if (page.rows.length === page.total || page.limitBanner) {
      return { noMatch: false, total: page.total, banner: page.limitBanner, rows: page.rows };
    }
    lastShortfall = `the caption says ${page.total} records but only ${page.rows.length} rows arrived`;
  }
  throw new IncompleteAnswerError(`${lastShortfall} (${ATTEMPTS_PER_PAGE} attempts)`);
}

/**
 * Whether an answer proves itself complete. The stated assumption: an answer without the banner
 * (fewer rows than the site's banner threshold, 1000) and with as many rows as its caption is
 * complete. A cap, if the server has one, is at or above the banner threshold, since the banner is
 * the site's own warning of it. Anything bannered is unverified until re-read in smaller pieces.
 */
export function provesComplete(answer: Answer): boolean {
  return !answer.banner && answer.rows.length === answer.total;
}

/** The key a row is stored under (normalise-row.ts): its rate number, or "PIN:<pin>" without one. */
export function rowKey(row: ResultRow): string {
  if (row.cells.rateNumber !== "") return row.cells.rateNumber;
  return row.pin !== null ? `PIN:${row.pin}` : "";
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
