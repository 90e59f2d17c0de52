import * as cheerio from "cheerio";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { REAL_PROFILE_DEFAULTS, resolveBehaviour, type RealBehaviour } from "./real-behaviour";
import { DATABASE_DOWN_MESSAGE, DATABASE_TIMEOUT_MESSAGE, FORMAT_MESSAGE, POOL_EXHAUSTED_MESSAGE } from "./render-error-pages";
import { BANNER_TEXT, NO_MATCH_TEXT } from "./render-results";
import { startSimulator, type Simulator } from "./server";
import type { SimProperty, TitleType } from "./sim-types";

// Each real-site switch on its own, over real HTTP, against the simulator's typed truth.

const PARAMS = ["Roll", "VolumeNo", "RateNumber", "StreetNo", "StreetName", "Suburb", "ERF", "Portion", "DeedsTown", "SchemeName", "SectionNumber", "All"];

function resultsPath(values: Record<string, string>): string {
  const all: Record<string, string> = { Roll: "1", All: "false", ...values };
  return `FramePages/SearchResult.aspx?${PARAMS.map((p) => `${p}=${all[p] ?? ""}`).join("&")}`;
}

async function get(base: string, path: string) {
  const response = await fetch(base + path, { redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

interface Row {
  cells: string[];
  href: string;
}

function tableRows(html: string): Row[] {
  const $ = cheerio.load(html);
  return $("tr.color1, tr.color0")
    .toArray()
    .map((tr) => ({
      cells: $(tr).children("td").toArray().map((td) => $(td).text().trim()),
      href: $(tr).find("a").first().attr("href") ?? "",
    }));
}

const caption = (html: string) => Number(/Total found records: (\d+)\)/.exec(html)?.[1] ?? NaN);
const hasBanner = (html: string) => html.includes(BANNER_TEXT);
const rateNumbers = (rows: readonly Row[]) => rows.map((r) => r.cells[0] ?? "");
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("simulator real profile", () => {
  let sim: Simulator;
  /** The biggest Full Title suburb and its properties. */
  let big: { id: number; index: number; rows: SimProperty[] };

  const use = (overrides: Partial<RealBehaviour>) => {
    sim.behaviour = resolveBehaviour("default", overrides);
  };
  const bucket = (title: TitleType, index: number) => sim.site.rolls.gv2022.bucket(title, index);

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, rows: 5000 });
    const sizes = sim.site.suburbs.map((s, index) => ({ id: s.id, index, rows: bucket("full", index) }));
    big = sizes.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  });
  afterEach(() => {
    use({});
  });
  afterAll(async () => {
    await sim.close();
  });

  it("starts from the live site's values and takes overrides, rejecting bad ones", async () => {
    const real = await startSimulator({ seed: 7, rows: 300, profile: "real", real: { answerCap: 120, bannerThreshold: 100 } });
    try {
      expect(real.profile).toBe("real");
      expect(real.behaviour).toEqual({ ...REAL_PROFILE_DEFAULTS, answerCap: 120, bannerThreshold: 100 });
      expect(REAL_PROFILE_DEFAULTS).toMatchObject({
        captionCountsSent: true,
        answerCap: null,
        bannerThreshold: 1000,
        databaseTimeoutMs: 30_000,
        allWithoutScheme: "no-match",
        detailTypesFromData: true,
        unsorted: true,
        outage: null,
        transientNoMatch: { share: 0, times: 0 },
      });
      expect(REAL_PROFILE_DEFAULTS.oddCells.share).toBeGreaterThan(0);
      expect(REAL_PROFILE_DEFAULTS.firstByteDelay.perRowMs).toBeGreaterThan(0);
    } finally {
      await real.close();
    }
    expect(sim.profile).toBe("default");
    expect(() => {
      sim.behaviour = { ...sim.behaviour, answerCap: -5 };
    }).toThrow("answerCap");
    await expect(startSimulator({ rows: 10, real: { oddCells: { share: 2 } } })).rejects.toThrow("oddCells.share must be between 0 and 1");
    await expect(startSimulator({ rows: 10, profile: "live" as never })).rejects.toThrow('profile must be "default" or "real"');
  });

  describe("caption, cap and banner", () => {
    it("caption counts the rows sent under a cap, with the banner once they reach the threshold", async () => {
      expect(big.rows.length).toBeGreaterThan(300);
      use({ captionCountsSent: true, answerCap: 120, bannerThreshold: 100 });
      const page = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
      const rows = tableRows(page.text);
      expect(rows).toHaveLength(120);
      expect(caption(page.text)).toBe(120);
      expect(hasBanner(page.text)).toBe(true);
      const truth = new Set(big.rows.map((p) => p.rateNumber));
      for (const rate of rateNumbers(rows)) expect(truth.has(rate)).toBe(true);
    });

    it("a cap alone keeps the default caption's true total", async () => {
      use({ answerCap: 120 });
      const page = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
      expect(tableRows(page.text)).toHaveLength(120);
      expect(caption(page.text)).toBe(big.rows.length);
    });

    it("caption counts sent without a cap: every match, same number", async () => {
      use({ captionCountsSent: true });
      const page = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
      expect(tableRows(page.text)).toHaveLength(big.rows.length);
      expect(caption(page.text)).toBe(big.rows.length);
    });

    it("shows the banner exactly when the rows sent reach the threshold", async () => {
      const path = resultsPath({ Suburb: String(big.id) });
      use({ captionCountsSent: true, bannerThreshold: 100, answerCap: 99 });
      const below = await get(sim.url, path);
      expect(caption(below.text)).toBe(99);
      expect(hasBanner(below.text)).toBe(false);
      use({ captionCountsSent: true, bannerThreshold: 100, answerCap: 100 });
      const at = await get(sim.url, path);
      expect(caption(at.text)).toBe(100);
      expect(hasBanner(at.text)).toBe(true);
    });
  });

  describe("slow answers", () => {
    it("holds the first byte back in proportion to the rows sent", async () => {
      const perRowMs = 1;
      use({ firstByteDelay: { baseMs: 0, perRowMs } });
      sim.clearRequests();
      const bigPath = resultsPath({ Suburb: String(big.id) });
      const emptyPath = resultsPath({ RateNumber: "nosuchrate" });
      const slow = get(sim.url, bigPath);
      await sleep(200);
      const fast = await get(sim.url, emptyPath);
      expect(fast.text).toContain(NO_MATCH_TEXT);
      expect((await slow).status).toBe(200);
      // The empty answer, asked for later, was written first: the big one waited for its rows.
      expect(sim.requests.map((r) => r.url)).toEqual([`/${emptyPath}`, `/${bigPath}`]);
      const record = sim.requests[1]!;
      expect(record.answeredAt - record.receivedAt).toBeGreaterThanOrEqual(big.rows.length * perRowMs - 2);
    });

    it("answers the SQL timeout 500 after the database timeout when the answer would take longer", async () => {
      use({ firstByteDelay: { baseMs: 0, perRowMs: 1 }, databaseTimeoutMs: 200 });
      sim.clearRequests();
      const slow = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
      expect(slow.status).toBe(500);
      expect(slow.text).toContain(DATABASE_TIMEOUT_MESSAGE);
      expect(slow.text).toContain("System.Data.SqlClient.SqlException");
      const record = sim.requests[0]!;
      expect(record.fault).toBe("db-timeout");
      expect(record.answeredAt - record.receivedAt).toBeGreaterThanOrEqual(198);
      const small = await get(sim.url, resultsPath({ Suburb: String(big.id), VolumeNo: big.rows[0]!.volumeNo }));
      expect(small.status).toBe(200);
      expect(tableRows(small.text).length).toBeLessThan(200);
    });
  });

  describe("outages", () => {
    const databasePages = [
      "FramePages/SearchType.aspx",
      "FramePages/SearchCrit.aspx",
      "FramePages/SearchCrit2.aspx",
      resultsPath({ Suburb: "1" }),
      "FramePages/SearchDeatils.aspx?id=1000000&PType=1&FType=1",
    ];
    const staticPages = ["", "PropertySearch.htm", "FramePages/Header.aspx", "FramePages/Footer.aspx", "FramePages/blank.htm", "FramePages/Search.aspx"];

    it("answers the SQL network-error 500 on every database page during an outage, then recovers", async () => {
      sim.clearRequests();
      sim.startOutage(60_000);
      expect(sim.outageActive).toBe(true);
      for (const path of databasePages) {
        const page = await get(sim.url, path);
        expect(page.status, path).toBe(500);
        expect(page.text).toContain(DATABASE_DOWN_MESSAGE);
        expect(page.text).toContain("System.Data.SqlClient.SqlException");
      }
      for (const path of staticPages) expect((await get(sim.url, path)).status, path).toBe(200);
      expect(sim.requests.filter((r) => r.fault === "outage")).toHaveLength(databasePages.length);
      expect(sim.requests.filter((r) => r.fault === null)).toHaveLength(staticPages.length);
      sim.endOutage();
      expect(sim.outageActive).toBe(false);
      for (const path of databasePages) expect((await get(sim.url, path)).status, path).toBe(200);
    });

    it("keeps a planned window relative to the start, and every page works again after it", async () => {
      const planned = await startSimulator({ seed: 7, rows: 300, real: { outage: { startAfterMs: 300, durationMs: 400 } } });
      try {
        const path = "FramePages/SearchCrit.aspx";
        const from = planned.startedAt + 300;
        const to = from + 400;
        while (Date.now() < to + 100) {
          await get(planned.url, path);
          await sleep(40);
        }
        expect(planned.outageActive).toBe(false);
        for (const path of databasePages) expect((await get(planned.url, path)).status, path).toBe(200);
        const during = planned.requests.filter((r) => r.receivedAt >= from && r.receivedAt < to);
        const outside = planned.requests.filter((r) => r.receivedAt < from || r.receivedAt >= to);
        expect(during.length).toBeGreaterThan(0);
        expect(during.every((r) => r.status === 500 && r.fault === "outage")).toBe(true);
        expect(outside.length).toBeGreaterThan(databasePages.length);
        expect(outside.every((r) => r.status === 200 && r.fault === null)).toBe(true);
      } finally {
        await planned.close();
      }
    });

    it("can fail with connection-pool exhaustion instead", async () => {
      sim.startOutage(60_000, "pool");
      const page = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
      expect(page.status).toBe(500);
      expect(page.text).toContain(POOL_EXHAUSTED_MESSAGE);
      expect(page.text).toContain("System.InvalidOperationException");
      sim.endOutage();
      expect((await get(sim.url, "FramePages/SearchCrit.aspx")).status).toBe(200);
    });

    it("ends a started outage after its duration", async () => {
      sim.startOutage(150);
      expect((await get(sim.url, "FramePages/SearchCrit2.aspx")).status).toBe(500);
      while (sim.outageActive) await sleep(20);
      expect((await get(sim.url, "FramePages/SearchCrit2.aspx")).status).toBe(200);
      expect(() => sim.startOutage(-1)).toThrow("durationMs");
    });
  });

  it("prints odd cells as the XSLT does and the truth stores null for them", async () => {
    use({ oddCells: { share: 0.3 } });
    const page = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
    const shown = new Map(tableRows(page.text).map((r) => [r.cells[0], r.cells]));
    const kinds = new Set<string>();
    for (const p of big.rows) {
      const expected = sim.expectedCells(p);
      expect(shown.get(p.rateNumber)).toEqual(expected.cells.map((c) => c.trim()));
      const odd = expected.oddCell;
      if (!odd) {
        expect(expected.marketValue).toBe(p.marketValue);
        expect(expected.registeredExtent).toBe(p.registeredExtent);
        continue;
      }
      kinds.add(odd.kind);
      const cell = shown.get(p.rateNumber)?.[odd.column === "marketValue" ? 6 : 7];
      if (odd.kind === "nan") expect(cell).toBe("NaN");
      if (odd.kind === "zero") expect(cell).toBe("");
      if (odd.kind === "negative") expect(cell).toMatch(/^-\d{1,3}(,\d{3})*(\.\d{1,2})?$/);
      expect(expected[odd.column]).toBeNull();
    }
    expect([...kinds].sort()).toEqual(["nan", "negative", "zero"]);

    // The details page formats the same database value with its own pattern (`####,###.##`).
    const nanValue = big.rows.find((p) => sim.expectedCells(p).oddCell?.kind === "nan" && sim.expectedCells(p).oddCell?.column === "marketValue")!;
    const details = cheerio.load((await get(sim.url, `FramePages/SearchDeatils.aspx?id=${nanValue.pin}&PType=1&FType=1`)).text);
    expect(details("#divValuations td.tdContaint").first().text().trim()).toBe("NaN");
    use({});
    const plain = await get(sim.url, resultsPath({ Suburb: String(big.id) }));
    expect(plain.text).not.toContain(">NaN<");
  });

  it("answers No Match for a populated suburb the first times it is asked, then its rows", async () => {
    use({ transientNoMatch: { share: 1, times: 2 } });
    sim.clearRequests();
    const index = sim.site.suburbs.findIndex((_, i) => bucket("full", i).length > 0 && i !== big.index);
    const suburb = sim.site.suburbs[index]!;
    expect(sim.isTransientNoMatchSuburb(suburb.id)).toBe(true);
    const path = resultsPath({ Suburb: String(suburb.id) });
    for (let i = 0; i < 2; i++) expect((await get(sim.url, path)).text).toContain(NO_MATCH_TEXT);
    const third = await get(sim.url, path);
    expect(rateNumbers(tableRows(third.text)).sort()).toEqual(bucket("full", index).map((p) => p.rateNumber).sort());
    expect(sim.requests.map((r) => r.fault)).toEqual(["transient-no-match", "transient-no-match", null]);

    use({ transientNoMatch: { share: 0.5, times: 1 } });
    const chosen = sim.site.suburbs.filter((s) => sim.isTransientNoMatchSuburb(s.id));
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.length).toBeLessThan(sim.site.suburbs.length);
  });

  describe("All=true", () => {
    const scheme = () => sim.site.schemes.find((s) => s.sections >= 3)!;

    it("without a scheme answers No Match when so configured, and is ignored otherwise", async () => {
      const path = resultsPath({ Suburb: String(big.id), All: "true" });
      use({ allWithoutScheme: "no-match" });
      const none = await get(sim.url, path);
      expect(none.text).toContain(NO_MATCH_TEXT);
      expect(tableRows(none.text)).toHaveLength(0);
      use({ allWithoutScheme: "ignored" });
      expect(tableRows((await get(sim.url, path)).text)).toHaveLength(big.rows.length);
    });

    it("with a scheme lists the whole scheme either way", async () => {
      const s = scheme();
      for (const allWithoutScheme of ["no-match", "ignored"] as const) {
        use({ allWithoutScheme });
        const page = await get(sim.url, resultsPath({ Roll: "2", SchemeName: encodeURIComponent(s.name), SectionNumber: "1", All: "true" }));
        expect(tableRows(page.text).length).toBeGreaterThanOrEqual(s.sections);
      }
    });
  });

  describe("detail links", () => {
    it("carry PType/FType from the data, and the details page reads them by position", async () => {
      use({ detailTypesFromData: true });
      const sectionalIndex = sim.site.suburbs.findIndex((_, i) => bucket("sectional", i).length > 0);
      const sectional = bucket("sectional", sectionalIndex);
      const page = await get(sim.url, resultsPath({ Roll: "2", Suburb: String(sim.site.suburbs[sectionalIndex]!.id) }));
      const rows = tableRows(page.text);
      expect(rows).toHaveLength(sectional.length);
      const byRate = new Map(sectional.map((p) => [p.rateNumber, p]));
      for (const row of rows) {
        const p = byRate.get(row.cells[0] ?? "")!;
        expect(row.href).toBe(`../FramePages/SearchDeatils.aspx?id=${p.pin}&PType=${p.propType}&FType=${p.formType}`);
        expect(row.href).toBe(sim.expectedCells(p).detailHref);
      }
      // PType is the database's property type, not the title type (2 for Sectional Title).
      expect(sectional.some((p) => p.propType !== 2)).toBe(true);

      const first = rows[0]!;
      const details = await get(sim.url, `FramePages/${first.href.replace("../FramePages/", "")}`);
      expect(details.status).toBe(200);
      const $ = cheerio.load(details.text);
      const captions = $("#divPropertDetails td.widowRowCaption").toArray().map((td) => $(td).text().trim());
      expect(captions).toContain("Scheme Name");
      expect($("td.tdContaint").first().text().trim()).toBe(first.cells[0]);

      const pin = /id=(\d+)/.exec(first.href)?.[1] ?? "";
      const renamed = await get(sim.url, `FramePages/SearchDeatils.aspx?a=${pin}&b=1&c=1`);
      expect(renamed.status).toBe(200);
      expect(cheerio.load(renamed.text)("td.tdContaint").first().text().trim()).toBe(first.cells[0]);
      const wordy = await get(sim.url, `FramePages/SearchDeatils.aspx?id=${pin}&PType=x&FType=1`);
      expect(wordy.status).toBe(500);
      expect(wordy.text).toContain(FORMAT_MESSAGE);
      const short = await get(sim.url, `FramePages/SearchDeatils.aspx?id=${pin}&PType=1`);
      expect(short.status).toBe(500);
      expect(short.text).toContain("Index was out of range");
    });

    it("carry the title type when the switch is off", async () => {
      const page = await get(sim.url, resultsPath({ Suburb: String(big.id), VolumeNo: big.rows[0]!.volumeNo }));
      for (const row of tableRows(page.text)) expect(row.href).toMatch(/&PType=1&FType=1$/);
    });
  });

  it("sends rows unsorted, the same order for the same query", async () => {
    use({ unsorted: true });
    const path = resultsPath({ Suburb: String(big.id) });
    const first = rateNumbers(tableRows((await get(sim.url, path)).text));
    const again = rateNumbers(tableRows((await get(sim.url, path)).text));
    expect(again).toEqual(first);
    const sorted = [...first].sort();
    expect(first).not.toEqual(sorted);
    expect(sorted).toEqual(big.rows.map((p) => p.rateNumber).sort());
    use({});
    expect(rateNumbers(tableRows((await get(sim.url, path)).text))).toEqual(big.rows.map((p) => p.rateNumber));
  });

  it("partitions a suburb by volume: the union over 01–89 is the suburb, each row once", async () => {
    const seen: string[] = [];
    let volumesWithRows = 0;
    let largestPart = 0;
    for (let v = 1; v <= 89; v++) {
      const volumeNo = String(v).padStart(2, "0");
      const rows = rateNumbers(tableRows((await get(sim.url, resultsPath({ Suburb: String(big.id), VolumeNo: volumeNo }))).text));
      if (rows.length > 0) volumesWithRows++;
      largestPart = Math.max(largestPart, rows.length);
      seen.push(...rows);
    }
    expect(seen.sort()).toEqual(big.rows.map((p) => p.rateNumber).sort());
    expect(volumesWithRows).toBeGreaterThan(1);
    expect(largestPart).toBeLessThan(big.rows.length / 2);
  });
});
