import type { TitleType } from "@/lib/generated/prisma/enums";
import { LayoutError, TruncatedPageError } from "./layout-error";
import { normaliseRow, type NormalisedValuation } from "./normalise-row";
import { parseResultsPage, type ResultRow } from "./parse-results";
import { SiteError, type SiteClient } from "./site-client";
import { VOLUME_NUMBERS, searchResultPath } from "./site-urls";

// Fetches every row the site lists for one title type in one suburb, and proves it has them all:
// the number of rows parsed must equal the caption's "Total found records". A short answer is
// fetched again; a short answer under the 1000-row banner (a server that truncates) is fetched
// volume by volume instead. Nothing incomplete is ever returned.

export class IncompleteAnswerError extends Error {
  override name = "IncompleteAnswerError";
}

export type SuburbTask = { roll: string; titleType: TitleType; suburbId: string; suburbName: string };
export type SuburbResult = { url: string; expected: number; rows: NormalisedValuation[]; requests: number };

const ATTEMPTS_PER_PAGE = 3;

type Page = { total: number; banner: boolean; rows: ResultRow[] };

async function fetchPage(client: SiteClient, path: string): Promise<Page> {
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
    if (page.kind === "no-match") return { total: 0, banner: false, rows: [] };
    if (page.rows.length > page.total) {
      throw new LayoutError(`the caption says ${page.total} records but the table has ${page.rows.length} rows`);
    }
    if (page.rows.length === page.total || page.limitBanner) {
      return { total: page.total, banner: page.limitBanner, rows: page.rows };
    }
    lastShortfall = `the caption says ${page.total} records but only ${page.rows.length} rows arrived`;
  }
  throw new IncompleteAnswerError(`${lastShortfall} (${ATTEMPTS_PER_PAGE} attempts)`);
}

export async function fetchSuburb(client: SiteClient, task: SuburbTask): Promise<SuburbResult> {
  const path = searchResultPath({ titleType: task.titleType, suburbId: task.suburbId });
  const before = client.requests;
  const first = await fetchPage(client, path);
  let rows = first.rows;
  if (rows.length < first.total) {
    // Truncated under the banner: the volumes partition the suburb, so their union is complete.
    rows = [];
    for (const volumeNo of VOLUME_NUMBERS) {
      const page = await fetchPage(client, searchResultPath({ titleType: task.titleType, suburbId: task.suburbId, volumeNo }));
      if (page.rows.length < page.total) {
        throw new IncompleteAnswerError(`volume ${volumeNo} alone is truncated (${page.rows.length} of ${page.total} rows)`);
      }
      rows.push(...page.rows);
    }
    if (rows.length !== first.total) {
      throw new IncompleteAnswerError(`the volumes hold ${rows.length} rows but the suburb's caption says ${first.total}`);
    }
  }
  const context = { roll: task.roll, titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName };
  return {
    url: path,
    expected: first.total,
    rows: rows.map((row) => normaliseRow(row, context)),
    requests: client.requests - before,
  };
}
