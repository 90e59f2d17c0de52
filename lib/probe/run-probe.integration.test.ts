import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { runProbe, type ProbeOptions } from "./run-probe";

// The probe over real HTTP against the simulated site (default profile): healthy, in an outage,
// with a changed layout, redirected, and not there at all.

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ rows: 3_000, seed: 7 });
});

afterAll(async () => {
  await sim.close();
});

afterEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

const USER_AGENT = "probe-test/1.0 (integration test)";

function options(baseUrl: string, extra: Partial<ProbeOptions> = {}): ProbeOptions {
  return { roll: "gv2022", baseUrl, userAgent: USER_AGENT, timeoutMs: 5_000, delayMs: 0, ...extra };
}

/** The simulator's own truth for a suburb: how many Full Title properties it lists. */
function fullTitleRows(suburbId: string): number {
  const index = sim.site.suburbs.findIndex((suburb) => String(suburb.id) === suburbId);
  expect(index).toBeGreaterThanOrEqual(0);
  return sim.site.rolls.gv2022.bucket("full", index).length;
}

describe("a healthy site", () => {
  it("is ok, with the counts the site holds, one request at a time", async () => {
    const report = await runProbe(options(sim.url));

    expect(report.verdict).toBe("ok");
    expect(report.explanations).toEqual([]);
    expect(report.reachable).toBe(true);
    expect(report.redirects).toEqual([]);
    expect(report.tls).toEqual({ kind: "plain-http" });
    expect(report.asAt).toEqual({ valuations: "2022-02-11", ownership: "2022-02-11" });

    const schemeNames = new Set(sim.site.schemes.map((scheme) => scheme.name));
    expect(report.criteria.full).toMatchObject({ suburbs: sim.site.suburbs.length, volumes: 89 });
    expect(report.criteria.full!.examples).toEqual(sim.site.suburbs.slice(0, 5).map((suburb) => suburb.name));
    expect(report.criteria.sectional).toMatchObject({ suburbs: sim.site.suburbs.length, schemes: schemeNames.size });

    const suburb = report.suburb!;
    expect(suburb.titleType).toBe("full");
    const truth = fullTitleRows(suburb.id);
    expect(truth).toBeGreaterThan(0);
    expect(suburb.allFalse).toMatchObject({ rows: truth, caption: truth, banner: false, noMatch: false, error: null });
    expect(suburb.allTrue).toMatchObject({ rows: truth, error: null });
    expect(suburb.allFalse.url).toMatch(/[?&]Suburb=\d+&.*All=false$/);
    expect(suburb.allTrue!.url).toMatch(/All=true$/);

    const volumeTruth = [...sim.site.rolls.gv2022.properties()].filter((p) => p.titleType === "full" && p.volumeNo === "01").length;
    expect(report.volume).toMatchObject({ volumeNo: "01", suburbId: null, answer: { rows: volumeTruth, error: null } });

    expect(report.details).toMatchObject({ error: null, owners: expect.any(Number) });
    expect(report.details!.href).toMatch(/SearchDeatils\.aspx\?id=\d+&PType=\d+&FType=\d+$/);
    expect(report.details!.owners).toBeGreaterThan(0);

    // Every page the report lists is one request the site saw, in that order, each a 200.
    expect(report.pages.map((page) => page.status)).toEqual(report.pages.map(() => 200));
    expect(sim.requests.map((request) => request.url)).toEqual(report.pages.map((page) => new URL(page.url).pathname + new URL(page.url).search));
    for (const page of report.pages) {
      expect(page.charset).toBe("utf-8");
      expect(page.firstByteMs).not.toBeNull();
      expect(page.totalMs).toBeGreaterThanOrEqual(page.firstByteMs!);
    }
  });

  it("reports All=false against All=true when the site answers them differently", async () => {
    sim.faults.add({ path: /All=true/, kind: "empty" });
    const report = await runProbe(options(sim.url));
    expect(report.verdict).toBe("ok");
    const { allFalse, allTrue } = report.suburb!;
    expect(allFalse.rows).toBeGreaterThan(0);
    expect(allTrue).toMatchObject({ noMatch: true, rows: 0 });
    expect(report.notes).toContainEqual(expect.stringContaining(`All=false (as the site's form sends it): ${allFalse.rows} rows; All=true: No Match: the site answers differently`));
  });

  it("sees a redirect and follows it on the same host", async () => {
    const report = await runProbe(options(`${sim.url}gv2017`));
    expect(report.redirects).toEqual([{ status: 301, from: `${sim.url}gv2017`, to: `${sim.url}gv2017/` }]);
    expect(report.httpToHttps).toBe(false);
    expect(report.verdict).toBe("ok");
  });
});

describe("a site in trouble", () => {
  it("is down during a database outage, and says so plainly", async () => {
    // The outage hits every database-backed page (.aspx); the static home page still answers.
    sim.faults.add({ path: /\.aspx/i, kind: "500" });
    const report = await runProbe(options(sim.url));
    expect(report.verdict).toBe("down");
    expect(report.reachable).toBe(true);
    expect(report.explanations[0]).toBe(
      "the site answered HTTP 500 with a database error on the criteria page (Full Title): the municipality's database is down; try later",
    );
    expect(report.explanations).toContainEqual(expect.stringContaining('search type page (as-at dates): the municipality\'s database is down; try later (a scrape goes on without the "as at" dates)'));
    expect(report.pages.find((page) => page.label === "criteria page (Full Title)")).toMatchObject({ status: 500, failure: "database-down" });
    // Nothing past the criteria pages is asked for: there is no suburb to ask about.
    expect(report.suburb).toBeNull();
    expect(sim.requests).toHaveLength(4);
  });

  it("is down when the results page changed shape", async () => {
    sim.faults.add({ path: /searchresult\.aspx/i, kind: "layout" });
    const report = await runProbe(options(sim.url));
    expect(report.verdict).toBe("down");
    expect(report.explanations[0]).toMatch(/^the results page \(.+, All=false\) has changed shape \(results table header changed: .+\): the scraper cannot read it until it is updated$/);
  });

  it("is degraded, not down, when only the details page fails", async () => {
    sim.faults.add({ path: /searchdeatils\.aspx/i, kind: "500" });
    const report = await runProbe(options(sim.url));
    expect(report.verdict).toBe("degraded");
    expect(report.explanations).toEqual([
      "the site answered HTTP 500 with a database error on the details page: the municipality's database is down; try later (a scrape without --details does not need it)",
    ]);
  });

  it("is degraded when the volume fails, and says the cross-check would meet the same", async () => {
    sim.faults.add({ path: /VolumeNo=01&/, kind: "500" });
    const report = await runProbe(options(sim.url));
    expect(report.verdict).toBe("degraded");
    expect(report.explanations).toEqual([
      "the site answered HTTP 500 with a database error on the results page (volume 01): the municipality's database is down; try later (a scrape's cross-check reads whole volumes and would meet the same problem)",
    ]);
    expect(report.volume).toMatchObject({ volumeNo: "01", answer: { rows: null, error: expect.any(String) } });
    expect(report.details).toMatchObject({ error: null });
  });

  it("says a slow results page did not answer in time", async () => {
    sim.faults.add({ path: /searchresult\.aspx/i, latencyMs: 3_000 });
    const report = await runProbe(options(sim.url, { timeoutMs: 1_000 }));
    expect(report.verdict).toBe("down");
    expect(report.explanations[0]).toMatch(/^the results page \(.+, All=false\) did not answer in time: no answer arrived within 1 s$/);
  });

  it("stops when its time runs out and says which pages were not tried", async () => {
    sim.faults.add({ path: /searchcrit2\.aspx/i, latencyMs: 2_000 });
    const report = await runProbe(options(sim.url, { signal: AbortSignal.timeout(1_000) }));
    expect(report.verdict).toBe("degraded");
    expect(report.explanations).toEqual(["the probe's time ran out: the last page listed was cut short and the pages after it were not tried"]);
    expect(report.pages.map((page) => page.label)).toEqual(["home page", "search type page (as-at dates)", "criteria page (Full Title)", "criteria page (Sectional Title)"]);
    expect(report.pages.at(-1)).toMatchObject({ status: null, failure: "timeout" });
    expect(report.suburb).toBeNull();
  });

  it("says it was interrupted when stopped (Ctrl+C) rather than timed out", async () => {
    sim.faults.add({ path: /searchcrit\.aspx/i, latencyMs: 2_000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(new Error("SIGINT")), 500);
    const report = await runProbe(options(sim.url, { signal: stop.signal }));
    expect(report.explanations).toEqual(["the probe was interrupted: the last page listed was cut short and the pages after it were not tried"]);
    expect(report.pages.at(-1)!.label).toBe("criteria page (Full Title)");
  });
});

describe("a site that is not there", () => {
  let closedPortUrl: string;
  let redirector: Server;

  beforeAll(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closedPortUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Sends every request to another host (localhost is not 127.0.0.1 by name).
    redirector = createServer((req, res) => {
      res.writeHead(302, { location: `http://localhost:${(redirector.address() as AddressInfo).port}${req.url ?? "/"}` }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });

  it("is down and unreachable when nothing listens", async () => {
    const report = await runProbe(options(closedPortUrl));
    expect(report.verdict).toBe("down");
    expect(report.reachable).toBe(false);
    expect(report.pages).toHaveLength(1);
    expect(report.explanations).toEqual([
      "the home page could not be reached: no connection: the connection was refused (nothing listens there) [ECONNREFUSED]: the site is down or not reachable from here",
    ]);
  });

  it("is down when the site sends the scraper to another host", async () => {
    const base = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/`;
    const report = await runProbe(options(base));
    expect(report.verdict).toBe("down");
    expect(report.redirects).toHaveLength(1);
    expect(report.explanations[0]).toContain("the site redirects to another host (localhost:");
    expect(report.explanations[0]).toContain("the scraper follows redirects on the same host only");
  });
});

describe("the real profile (the live site as its source and logs show it)", () => {
  let real: Simulator;

  beforeAll(async () => {
    // The real first-byte delay (0.25 s + 5 ms a row) made a little shorter, to keep the test quick.
    real = await startSimulator({ rows: 3_000, seed: 11, profile: "real", real: { firstByteDelay: { baseMs: 50, perRowMs: 1 } } });
  });

  afterAll(async () => {
    await real.close();
  });

  it("is ok, with the right counts, and sees All=true without a scheme answer nothing", async () => {
    const report = await runProbe(options(real.url));
    expect(report.verdict).toBe("ok");
    expect(report.criteria.full!.suburbs).toBe(real.site.suburbs.length);
    const suburb = report.suburb!;
    const index = real.site.suburbs.findIndex((s) => String(s.id) === suburb.id);
    const truth = real.site.rolls.gv2022.bucket("full", index).length;
    expect(suburb.allFalse).toMatchObject({ rows: truth, caption: truth, banner: false, error: null });
    expect(suburb.allTrue).toMatchObject({ noMatch: true, rows: 0, error: null });
    expect(report.notes).toContainEqual(`All=false (as the site's form sends it): ${truth} rows; All=true: No Match: the site answers differently, and the scraper sends All=false as the form does.`);
    // The link as the page gives it, PType/FType from the site's data, followed as given.
    expect(report.details).toMatchObject({ error: null });
    expect(report.details!.url).toBe(new URL(report.details!.href, `${real.url}FramePages/SearchResult.aspx`).toString());
  });

  it("passes over suburbs under the size banner, and says the one it kept carries it", async () => {
    const before = real.behaviour;
    real.behaviour = { ...before, bannerThreshold: 100 };
    try {
      const report = await runProbe(options(real.url));
      expect(report.verdict).toBe("ok");
      const suburb = report.suburb!;
      expect(suburb.passedOver.map((passed) => passed.reason)).toEqual(["its answer carries the size banner", "its answer carries the size banner"]);
      expect(suburb.passedOver.map((passed) => passed.id)).toEqual(real.site.suburbs.slice(0, 2).map((s) => String(s.id)));
      expect(suburb.id).toBe(String(real.site.suburbs[2]!.id));
      expect(suburb.allFalse.banner).toBe(true);
      expect(suburb.allFalse.rows).toBe(suburb.allFalse.caption);
      expect(report.notes).toContainEqual(expect.stringMatching(/answered with the "resource constraints" banner \(\d+ rows sent; the caption counts rows sent\)/));
    } finally {
      real.behaviour = before;
    }
  });

  it("is degraded when populated suburbs answer a transient \"No Match\", and says the site may be in trouble", async () => {
    const before = real.behaviour;
    real.behaviour = { ...before, transientNoMatch: { share: 1, times: 1 } };
    real.clearRequests();
    try {
      const report = await runProbe(options(real.url));
      expect(report.verdict).toBe("degraded");
      const names = real.site.suburbs.slice(0, 3).map((s) => s.name);
      expect(report.explanations).toEqual([
        `no suburb among the first 3 answered with rows (${names[0]} (it answered "No Match"); ${names[1]} (it answered "No Match"); ${names[2]} answered "No Match"): the site may be returning empty answers, as it does when its database is in trouble`,
      ]);
      expect(real.requests.filter((request) => request.fault === "transient-no-match")).toHaveLength(3);
    } finally {
      real.behaviour = before;
    }
  });

  it("is down when the site's database times out on a small suburb, and says so", async () => {
    const before = real.behaviour;
    real.behaviour = { ...before, firstByteDelay: { baseMs: 200, perRowMs: 0 }, databaseTimeoutMs: 100 };
    try {
      const report = await runProbe(options(real.url));
      expect(report.verdict).toBe("down");
      expect(report.explanations[0]).toMatch(
        /^the site answered HTTP 500 with a database timeout on the results page \(.+, All=false\): its database gave up after about 30 s \(overloaded, or the answer is too big\); try later$/,
      );
      expect(report.pages.find((page) => page.label.startsWith("results page"))).toMatchObject({ status: 500, failure: "database-timeout" });
    } finally {
      real.behaviour = before;
    }
  });

  it("is down during a database outage, with the database-down explanation", async () => {
    real.startOutage(60_000);
    try {
      const report = await runProbe(options(real.url));
      expect(report.verdict).toBe("down");
      expect(report.explanations[0]).toBe(
        "the site answered HTTP 500 with a database error on the criteria page (Full Title): the municipality's database is down; try later",
      );
      // The home page is a static file: the site is there, its database is not.
      expect(report.pages[0]).toMatchObject({ label: "home page", status: 200 });
      expect(report.reachable).toBe(true);
    } finally {
      real.endOutage();
    }
  });

  it("is down when the site's database pool is exhausted, and says the site is overloaded", async () => {
    real.startOutage(60_000, "pool");
    try {
      const report = await runProbe(options(real.url));
      expect(report.verdict).toBe("down");
      expect(report.explanations[0]).toBe(
        "the site answered HTTP 500 with a database error on the criteria page (Full Title): all its database connections are in use (the site is overloaded); try later",
      );
    } finally {
      real.endOutage();
    }
  });
});
