import type { PageFailure, ProbePage } from "./probe-report";

// Turns what a page answered into the probe's words: a failure kind and a sentence a person on
// call can act on. Pure, so every wording is tested directly.

// The ASP.NET yellow pages the site's logs are full of (see the site notes).
const SQL_NETWORK_ERROR = /network-related or instance-specific error|could not open a connection to sql server|a transport-level error has occurred|error: 40 -|login failed for user/i;
const SQL_TIMEOUT = /timeout expired/i;
const POOL_EXHAUSTED = /obtaining a connection from the pool|max pool size was reached/i;
const SQL_EXCEPTION = /SqlException|SqlClient/;

/** The failure an HTTP answer stands for, judged by its status and (for a 500) its body. */
export function classifyHttpAnswer(status: number, body: string | null): { failure: PageFailure; error: string } | null {
  if (status === 200) return null;
  const text = body ?? "";
  if (status >= 500) {
    if (POOL_EXHAUSTED.test(text)) return { failure: "database-busy", error: `HTTP ${status}: the site has no free database connection (its pool is exhausted)` };
    if (SQL_TIMEOUT.test(text)) return { failure: "database-timeout", error: `HTTP ${status}: the site's database gave up on the query ("Timeout expired")` };
    if (SQL_NETWORK_ERROR.test(text) || (SQL_EXCEPTION.test(text) && !SQL_TIMEOUT.test(text))) {
      return { failure: "database-down", error: `HTTP ${status}: the site could not reach its database (SQL network error)` };
    }
    return { failure: "server-error", error: `HTTP ${status}: a server error${aspNetMessage(text)}` };
  }
  return { failure: "http-status", error: `HTTP ${status}${status === 429 ? ": the site asks us to slow down" : status === 404 ? ": no such page" : ""}` };
}

/** The exception message of an ASP.NET error page (its <title>), quoted, or "". */
function aspNetMessage(html: string): string {
  const title = /<title>\s*([^<]{1,200}?)\s*<\/title>/i.exec(html)?.[1];
  return title ? ` ("${title}")` : "";
}

/** One plain sentence about a failed page, naming the page. */
export function explainPageFailure(page: Pick<ProbePage, "label" | "status" | "failure" | "error">): string {
  const status = page.status === null ? "" : `HTTP ${page.status} `;
  switch (page.failure) {
    case "database-down":
      return `the site answered ${status}with a database error on the ${page.label}: the municipality's database is down; try later`;
    case "database-busy":
      return `the site answered ${status}with a database error on the ${page.label}: all its database connections are in use (the site is overloaded); try later`;
    case "database-timeout":
      return `the site answered ${status}with a database timeout on the ${page.label}: its database gave up after about 30 s (overloaded, or the answer is too big); try later`;
    case "server-error":
      return `the site answered ${status}on the ${page.label}: a server error (${page.error ?? "no detail"}); try later`;
    case "http-status":
      return page.status === 404
        ? `the ${page.label} is not there (HTTP 404): check the base URL`
        : `the ${page.label} answered ${page.error ?? status.trim()}`;
    case "unreachable":
      return `the ${page.label} could not be reached: ${page.error ?? "no connection"}`;
    case "timeout":
      return `the ${page.label} did not answer in time: ${page.error ?? "timed out"}`;
    case "too-large":
      return `the ${page.label} was too big to read: ${page.error ?? "size limit"}`;
    case "layout":
      return `the ${page.label} has changed shape (${page.error ?? "unknown layout"}): the scraper cannot read it until it is updated`;
    case "redirect":
    case "charset":
      return `the ${page.label}: ${page.error ?? page.failure}`;
    case null:
      return `the ${page.label} answered`;
  }
}

/** Failures that say the site (or its database) is down rather than that one page misbehaves. */
export function isOutage(failure: PageFailure | null): boolean {
  return (
    failure === "unreachable" ||
    failure === "timeout" ||
    failure === "database-down" ||
    failure === "database-busy" ||
    failure === "database-timeout" ||
    failure === "server-error"
  );
}
