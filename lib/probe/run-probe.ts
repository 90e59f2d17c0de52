import { formatNumber } from "@/lib/format/format-number";
import type { TitleType } from "@/lib/generated/prisma/enums";
import { parseCriteriaPage, parseSearchTypePage, type CriteriaOption } from "@/lib/scraper/parse-criteria";
import { parseDetailsPage } from "@/lib/scraper/parse-details";
import type { ResultRow } from "@/lib/scraper/parse-results";
import { SEARCH_TYPE_PATH, criteriaPath, detailLinkPath, searchResultPath, type ResultQuery } from "@/lib/scraper/site-urls";
import { explainPageFailure, isOutage } from "./explain-failure";
import { inspectTls } from "./inspect-tls";
import { charsetFindings, describeAllFlag, tlsFindings, type Findings } from "./probe-findings";
import type { ProbeReport, ResultsAnswer } from "./probe-report";
import { ProbeSession, ProbeStopped } from "./probe-session";

// The live probe: a handful of polite requests, one at a time, that say whether the site can be
// scraped now and what it looks like (see DEPLOYMENT.md's runbook). The scraper's URL builders,
// polite queue and parsers are used as they are, so a page the probe reads is one the scraper reads.

export type ProbeOptions = {
  roll: string;
  /** As given: a redirect of the bare address is worth seeing. */
  baseUrl: string;
  userAgent: string;
  /** Limit for each page's first byte (and for any pause in its body). */
  timeoutMs: number;
  /** Pause between requests (jittered ±50 %, as the scraper's). */
  delayMs: number;
  /** Ends the probe: the page in flight is cut short, the rest are not asked for, the report says so. */
  signal?: AbortSignal;
};

/** A small suburb's answer: beyond this the probe tries the next suburb rather than read on. */
const SMALL_SUBURB_MAX_BYTES = 2_000_000;
const MAX_SUBURB_CANDIDATES = 3;
const VOLUME_MAX_BYTES = 40_000_000;
/** A suburb answered faster than this: the volume is asked for alone, else within the suburb. */
const QUICK_FIRST_BYTE_MS = 5_000;
const SLOW_FIRST_BYTE_MS = 20_000;
const EXAMPLES = 5;
const PROBE_VOLUME = "01";

type Chosen = { suburb: CriteriaOption; titleType: TitleType; answer: ResultsAnswer; rows: ResultRow[]; resultsUrl: string };

export async function runProbe(options: ProbeOptions): Promise<ProbeReport> {
  const session = new ProbeSession(options);
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const report: ProbeReport = {
    version: 1,
    roll: options.roll,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    startedAt: new Date().toISOString(),
    finishedAt: "",
    verdict: "ok",
    explanations: [],
    notes: session.notes,
    reachable: false,
    redirects: [],
    httpToHttps: false,
    tls: { kind: "plain-http" },
    pages: session.pages,
    asAt: null,
    criteria: { full: null, sectional: null },
    suburb: null,
    volume: null,
    details: null,
  };

  try {
    if (await probeHome(session, report, options)) {
      await probeSearchType(session, report, base);
      const suburbs = await probeCriteria(session, report, base);
      const chosen = await probeSmallSuburb(session, report, base, suburbs);
      if (chosen) {
        await probeVolume(session, report, base, chosen);
        await probeDetails(session, report, base, chosen);
      }
    }
  } catch (error) {
    if (!(error instanceof ProbeStopped)) throw error;
  }

  const why = (options.signal?.reason as Error | undefined)?.name === "TimeoutError" ? "the probe's time ran out" : "the probe was interrupted";
  const outOfTime = session.stopped ? [`${why}: the last page listed was cut short and the pages after it were not tried`] : [];
  report.verdict = session.down.length > 0 ? "down" : session.degraded.length + outOfTime.length > 0 ? "degraded" : "ok";
  report.explanations = [...session.down, ...session.degraded, ...outOfTime];
  report.finishedAt = new Date().toISOString();
  return report;
}

function add(session: ProbeSession, findings: Findings): void {
  session.degraded.push(...findings.degraded);
  for (const note of findings.notes) session.noteOnce(note);
}

/** The home page: reachable at all, redirects, TLS. False when there is no point going on. */
async function probeHome(session: ProbeSession, report: ProbeReport, options: ProbeOptions): Promise<boolean> {
  const home = await session.fetch("home page", options.baseUrl);
  report.reachable = home.page.status !== null;
  report.redirects = home.page.redirects;
  report.httpToHttps = home.page.redirects.some((hop) => hop.from.startsWith("http:") && hop.to.startsWith("https:"));
  report.tls = await inspectTls(home.answer.url, { timeoutMs: options.timeoutMs });
  add(session, tlsFindings(report.tls));
  if (!report.reachable || home.page.failure === "redirect") {
    session.down.push(`${explainPageFailure(home.page)}: the site is down or not reachable from here`);
    return false;
  }
  if (home.page.failure !== null) session.degraded.push(explainPageFailure(home.page));
  if (report.httpToHttps) session.noteOnce(`the site redirects http to https (${home.page.redirects.map((hop) => `${hop.status} to ${hop.to}`).join(", ")}); the scraper follows it`);
  add(session, charsetFindings(home.page));
  return true;
}

/** SearchType.aspx carries only the "as at" dates, so a failure here does not stop a scrape. */
async function probeSearchType(session: ProbeSession, report: ProbeReport, base: string): Promise<void> {
  const fetched = await session.fetch("search type page (as-at dates)", new URL(SEARCH_TYPE_PATH, base).toString());
  const page = session.read(fetched, parseSearchTypePage);
  if (!page) {
    session.degraded.push(`${explainPageFailure(fetched.page)} (a scrape goes on without the "as at" dates)`);
    return;
  }
  report.asAt = page.asAt;
  if (page.asAt.valuations === null) session.noteOnce('the search type page states no "as at" date; a scrape stores none');
}

/** Both criteria pages: the suburbs (and schemes) a scrape plans its tasks from. */
async function probeCriteria(session: ProbeSession, report: ProbeReport, base: string): Promise<Partial<Record<TitleType, CriteriaOption[]>>> {
  const suburbs: Partial<Record<TitleType, CriteriaOption[]>> = {};
  for (const titleType of ["full", "sectional"] as const) {
    const label = `criteria page (${titleType === "full" ? "Full Title" : "Sectional Title"})`;
    const fetched = await session.fetch(label, new URL(criteriaPath(titleType), base).toString());
    const criteria = session.read(fetched, parseCriteriaPage);
    if (!criteria) {
      session.down.push(explainPageFailure(fetched.page));
      continue;
    }
    suburbs[titleType] = criteria.suburbs;
    if (titleType === "full") {
      report.criteria.full = { suburbs: criteria.suburbs.length, examples: criteria.suburbs.slice(0, EXAMPLES).map((suburb) => suburb.name), volumes: criteria.volumes.length };
    } else {
      report.criteria.sectional = { suburbs: criteria.suburbs.length, schemes: criteria.schemes.length, exampleSchemes: criteria.schemes.slice(0, EXAMPLES) };
    }
    if (criteria.suburbs.length === 0) session.down.push(`the ${label} lists no suburbs: a scrape would plan nothing`);
  }
  return suburbs;
}

/**
 * The first of the first few suburbs with a small answer (rows, no banner, under 2 MB), asked as the
 * browser's form asks (All=false), then the same with All=true.
 */
async function probeSmallSuburb(session: ProbeSession, report: ProbeReport, base: string, suburbs: Partial<Record<TitleType, CriteriaOption[]>>): Promise<Chosen | null> {
  const titleType: TitleType = suburbs.full?.length ? "full" : "sectional";
  const candidates = (suburbs[titleType] ?? []).slice(0, MAX_SUBURB_CANDIDATES);
  const passedOver: { id: string; name: string; reason: string }[] = [];
  let chosen: Chosen | null = null;
  for (const [index, suburb] of candidates.entries()) {
    const url = resultsUrl(base, { titleType, suburbId: suburb.id }, false);
    const fetched = await session.fetch(`results page (${suburb.name}, All=false)`, url, SMALL_SUBURB_MAX_BYTES);
    const last = index === candidates.length - 1;
    if (fetched.page.failure === "too-large" && !last) {
      passedOver.push({ id: suburb.id, name: suburb.name, reason: `its answer is larger than ${SMALL_SUBURB_MAX_BYTES / 1_000_000} MB` });
      continue;
    }
    const { answer, rows } = session.readResults(fetched);
    if (answer.error === null && (answer.noMatch || answer.banner) && !last) {
      passedOver.push({ id: suburb.id, name: suburb.name, reason: answer.noMatch ? 'it answered "No Match"' : "its answer carries the size banner" });
      continue;
    }
    chosen = { suburb, titleType, answer, rows, resultsUrl: url };
    report.suburb = { id: suburb.id, name: suburb.name, titleType, passedOver, allFalse: answer, allTrue: null };
    if (answer.error !== null) {
      const page = fetched.page;
      if (page.failure === "too-large") session.degraded.push(`no small suburb among the first ${candidates.length}: each answer is larger than ${SMALL_SUBURB_MAX_BYTES / 1_000_000} MB`);
      else (isOutage(page.failure) || page.failure === "layout" ? session.down : session.degraded).push(explainPageFailure(page));
      return null;
    }
    break;
  }
  if (!chosen) return null;

  const { suburb, answer } = chosen;
  if (answer.noMatch) {
    const before = passedOver.map((passed) => `${passed.name} (${passed.reason})`).join("; ");
    session.degraded.push(
      `no suburb among the first ${candidates.length} answered with rows (${before ? `${before}; ` : ""}${suburb.name} answered "No Match"): the site may be returning empty answers, as it does when its database is in trouble`,
    );
  }
  if (answer.banner) session.noteOnce(`${suburb.name} answered with the "resource constraints" banner (${formatNumber(answer.rows ?? 0)} rows sent; the caption counts rows sent): the scraper re-reads such a suburb by volume`);
  if ((answer.firstByteMs ?? 0) > SLOW_FIRST_BYTE_MS) session.degraded.push(`the results page took ${Math.round((answer.firstByteMs ?? 0) / 1000)} s to its first byte for ${formatNumber(answer.rows ?? 0)} rows: the site is slow today`);
  add(session, charsetFindings(session.pages.at(-1)!));

  const allTrueUrl = resultsUrl(base, { titleType, suburbId: suburb.id }, true);
  const allTrue = session.readResults(await session.fetch(`results page (${suburb.name}, All=true)`, allTrueUrl, SMALL_SUBURB_MAX_BYTES)).answer;
  report.suburb!.allTrue = allTrue;
  session.noteOnce(describeAllFlag(answer, allTrue));
  return chosen;
}

/** One volume: alone when the site answered the suburb quickly, else within the suburb to keep it small. */
async function probeVolume(session: ProbeSession, report: ProbeReport, base: string, chosen: Chosen): Promise<void> {
  const quick = (chosen.answer.firstByteMs ?? Infinity) <= QUICK_FIRST_BYTE_MS;
  const query: ResultQuery = { titleType: chosen.titleType, volumeNo: PROBE_VOLUME, ...(quick ? {} : { suburbId: chosen.suburb.id }) };
  const label = `results page (volume ${PROBE_VOLUME}${quick ? "" : ` in ${chosen.suburb.name}`})`;
  const fetched = await session.fetch(label, resultsUrl(base, query, false), VOLUME_MAX_BYTES);
  const { answer } = session.readResults(fetched);
  report.volume = { volumeNo: PROBE_VOLUME, suburbId: quick ? null : chosen.suburb.id, answer };
  if (answer.error !== null) {
    session.degraded.push(`${explainPageFailure(fetched.page)} (a scrape's cross-check reads whole volumes and would meet the same problem)`);
  } else if (answer.banner) {
    session.noteOnce(`volume ${PROBE_VOLUME} answered with the size banner (${formatNumber(answer.rows ?? 0)} rows sent): the cross-check splits such a volume by suburb`);
  }
}

/** One property profile, from the first row's link exactly as the results page gives it. */
async function probeDetails(session: ProbeSession, report: ProbeReport, base: string, chosen: Chosen): Promise<void> {
  const href = chosen.rows.find((row) => row.detailHref !== null)?.detailHref;
  if (!href) {
    if (chosen.rows.length > 0) session.noteOnce("the rows carry no profile link, so no details page was read");
    return;
  }
  let url: string;
  try {
    url = new URL(detailLinkPath(href, base), base).toString();
  } catch (error) {
    report.details = { href, url: href, rateNumber: null, marketValue: null, owners: 0, error: (error as Error).message };
    session.degraded.push(`the first property's profile link cannot be followed: ${(error as Error).message}`);
    return;
  }
  const fetched = await session.fetch("details page", url);
  const detail = session.read(fetched, parseDetailsPage);
  report.details = {
    href,
    url,
    rateNumber: detail?.rateNumber ?? null,
    marketValue: detail?.marketValue ?? null,
    owners: detail?.owners.length ?? 0,
    error: detail ? null : explainPageFailure(fetched.page),
  };
  if (!detail) session.degraded.push(`${explainPageFailure(fetched.page)} (a scrape without --details does not need it)`);
}

/** The results URL the scraper builds, with All set as asked (the browser's form sends All=false). */
function resultsUrl(base: string, query: ResultQuery, all: boolean): string {
  const path = searchResultPath(query).replace(/([?&]All=)[^&]*/, `$1${all}`);
  return new URL(path, base).toString();
}
