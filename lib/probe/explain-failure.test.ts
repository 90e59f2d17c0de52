import { describe, expect, it } from "vitest";
import { renderAspNetErrorPage } from "@/lib/simulator/render-error-pages";
import { classifyHttpAnswer, explainPageFailure, isOutage } from "./explain-failure";

// The yellow pages are built with the simulator's renderer only as realistic input text; what is
// tested is the probe's reading of them.
const sqlNetworkError = renderAspNetErrorPage(
  "A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)",
  "System.Data.SqlClient.SqlException",
);
const sqlTimeout = renderAspNetErrorPage(
  "Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
  "System.Data.SqlClient.SqlException",
);
const poolExhausted = renderAspNetErrorPage(
  "Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.",
  "System.InvalidOperationException",
);
const nullReference = renderAspNetErrorPage("Object reference not set to an instance of an object.", "System.NullReferenceException");

describe("classifyHttpAnswer", () => {
  it("passes a 200", () => {
    expect(classifyHttpAnswer(200, "<html></html>")).toBeNull();
  });

  it("tells a database outage from a database timeout and from another server error", () => {
    expect(classifyHttpAnswer(500, sqlNetworkError)?.failure).toBe("database-down");
    expect(classifyHttpAnswer(500, sqlTimeout)?.failure).toBe("database-timeout");
    expect(classifyHttpAnswer(500, poolExhausted)).toEqual({ failure: "database-busy", error: "HTTP 500: the site has no free database connection (its pool is exhausted)" });
    expect(classifyHttpAnswer(500, nullReference)).toEqual({
      failure: "server-error",
      error: 'HTTP 500: a server error ("Object reference not set to an instance of an object.")',
    });
    expect(classifyHttpAnswer(503, "")).toEqual({ failure: "server-error", error: "HTTP 503: a server error" });
  });

  it("names other statuses", () => {
    expect(classifyHttpAnswer(404, "")).toEqual({ failure: "http-status", error: "HTTP 404: no such page" });
    expect(classifyHttpAnswer(429, "")).toEqual({ failure: "http-status", error: "HTTP 429: the site asks us to slow down" });
    expect(classifyHttpAnswer(403, "")).toEqual({ failure: "http-status", error: "HTTP 403" });
  });
});

describe("explainPageFailure", () => {
  const page = (failure: Parameters<typeof explainPageFailure>[0]["failure"], status: number | null, error: string | null = null) => ({
    label: "criteria page (Full Title)",
    status,
    failure,
    error,
  });

  it("says the database is down in words an operator can act on", () => {
    expect(explainPageFailure(page("database-down", 500))).toBe(
      "the site answered HTTP 500 with a database error on the criteria page (Full Title): the municipality's database is down; try later",
    );
    expect(explainPageFailure(page("database-timeout", 500))).toContain("its database gave up after about 30 s");
    expect(explainPageFailure(page("database-busy", 500))).toBe(
      "the site answered HTTP 500 with a database error on the criteria page (Full Title): all its database connections are in use (the site is overloaded); try later",
    );
  });

  it("says what else went wrong", () => {
    expect(explainPageFailure(page("http-status", 404, "HTTP 404: no such page"))).toBe("the criteria page (Full Title) is not there (HTTP 404): check the base URL");
    expect(explainPageFailure(page("http-status", 429, "HTTP 429: the site asks us to slow down"))).toBe(
      "the criteria page (Full Title) answered HTTP 429: the site asks us to slow down",
    );
    expect(explainPageFailure(page("unreachable", null, "no connection: the connection was reset [ECONNRESET]"))).toBe(
      "the criteria page (Full Title) could not be reached: no connection: the connection was reset [ECONNRESET]",
    );
    expect(explainPageFailure(page("layout", 200, 'criteria page changed: expected "select[name=drpSuburb]", found none'))).toBe(
      'the criteria page (Full Title) has changed shape (criteria page changed: expected "select[name=drpSuburb]", found none): the scraper cannot read it until it is updated',
    );
    expect(explainPageFailure(page("timeout", null, "no answer arrived within 45 s"))).toBe("the criteria page (Full Title) did not answer in time: no answer arrived within 45 s");
  });
});

describe("isOutage", () => {
  it("counts the site or its database being away, not a page that changed or a redirect", () => {
    expect(["unreachable", "timeout", "database-down", "database-busy", "database-timeout", "server-error"].every((f) => isOutage(f as never))).toBe(true);
    expect(["layout", "redirect", "http-status", "too-large", "charset"].some((f) => isOutage(f as never))).toBe(false);
    expect(isOutage(null)).toBe(false);
  });
});
