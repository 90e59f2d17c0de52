import { LayoutError } from "@/lib/scraper/layout-error";
import { parseResultsPage, type ResultRow } from "@/lib/scraper/parse-results";
import { createPoliteQueue } from "@/lib/scraper/site-client";
import { classifyHttpAnswer, explainPageFailure } from "./explain-failure";
import { measuredGet, type MeasuredAnswer } from "./measured-get";
import type { ProbePage, ResultsAnswer } from "./probe-report";

// What one probe has asked and found so far: its requests go out one at a time through the
// scraper's polite queue, each page is listed as it answers, and findings are sorted by what they
// mean for a scrape (down, degraded, or only worth a note).

export type Fetched = { page: ProbePage; answer: MeasuredAnswer };

/** The probe's signal ended it: the page in flight is listed, nothing after it is asked for. */
export class ProbeStopped extends Error {
  override name = "ProbeStopped";
}

const PAGE_MAX_BYTES = 5_000_000;

export class ProbeSession {
  readonly pages: ProbePage[] = [];
  /** Reasons a scrape now would fail. */
  readonly down: string[] = [];
  /** Problems a scrape can live with. */
  readonly degraded: string[] = [];
  readonly notes: string[] = [];
  private readonly queue: ReturnType<typeof createPoliteQueue>;

  constructor(private readonly options: { userAgent: string; timeoutMs: number; delayMs: number; signal?: AbortSignal }) {
    this.queue = createPoliteQueue(1, options.delayMs);
  }

  get stopped(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  fetch(label: string, url: string, maxBytes = PAGE_MAX_BYTES): Promise<Fetched> {
    return this.queue(async () => {
      if (this.stopped) throw new ProbeStopped();
      const { userAgent, timeoutMs, signal } = this.options;
      const answer = await measuredGet(url, { userAgent, timeoutMs, maxBytes, signal });
      const http = answer.failure === null && answer.status !== null ? classifyHttpAnswer(answer.status, answer.body) : null;
      const page: ProbePage = {
        label,
        url,
        status: answer.status,
        firstByteMs: answer.firstByteMs,
        totalMs: answer.totalMs,
        bytes: answer.bytes,
        contentType: answer.contentType,
        charset: answer.charset,
        redirects: answer.redirects,
        failure: answer.failure ?? http?.failure ?? null,
        error: answer.error ?? http?.error ?? null,
      };
      this.pages.push(page);
      if (this.stopped) throw new ProbeStopped();
      return { page, answer };
    });
  }

  /** Reads a page that answered with the scraper's parser; a parse failure marks the page "layout". */
  read<T>(fetched: Fetched, parse: (html: string) => T): T | null {
    if (fetched.page.failure !== null || fetched.answer.body === null) return null;
    try {
      return parse(fetched.answer.body);
    } catch (error) {
      if (!(error instanceof LayoutError)) throw error;
      fetched.page.failure = "layout";
      fetched.page.error = error.message;
      return null;
    }
  }

  readResults(fetched: Fetched): { answer: ResultsAnswer; rows: ResultRow[] } {
    const page = this.read(fetched, parseResultsPage);
    const answer: ResultsAnswer = {
      url: fetched.page.url,
      caption: page ? (page.kind === "rows" ? page.total : 0) : null,
      rows: page ? (page.kind === "rows" ? page.rows.length : 0) : null,
      banner: page?.kind === "rows" && page.limitBanner,
      noMatch: page?.kind === "no-match",
      firstByteMs: fetched.page.firstByteMs,
      error: page ? null : explainPageFailure(fetched.page),
    };
    return { answer, rows: page?.kind === "rows" ? page.rows : [] };
  }

  /** A note said once, however many pages give rise to it. */
  noteOnce(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }
}
