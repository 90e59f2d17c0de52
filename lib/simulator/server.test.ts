import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayedCells } from "./display-property";
import { mutationsBetween } from "./mutate-site";
import { ROLL_IDS, ROLL_META } from "./roll-meta";
import { startSimulator, type Simulator } from "./server";
import type { RollId } from "./sim-types";

const PARAMS = ["Roll", "VolumeNo", "RateNumber", "StreetNo", "StreetName", "Suburb", "ERF", "Portion", "DeedsTown", "SchemeName", "SectionNumber", "All"];

/** A SearchResult.aspx query; values are inserted as given (not encoded). */
function resultsPath(values: Record<string, string>): string {
  const all: Record<string, string> = { Roll: "1", All: "false", ...values };
  return `FramePages/SearchResult.aspx?${PARAMS.map((p) => `${p}=${all[p] ?? ""}`).join("&")}`;
}

async function get(base: string, path: string, init?: RequestInit) {
  const response = await fetch(base + path, { redirect: "manual", ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function tableRows(html: string): string[][] {
  const $ = cheerio.load(html);
  return $("tr.color1, tr.color0")
    .toArray()
    .map((tr) => $(tr).children("td").toArray().map((td) => $(td).text().trim()));
}

const caption = (html: string) => Number(/Total found records: (\d+)\)/.exec(html)?.[1] ?? NaN);

describe("simulator server", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, rows: 5000 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("serves the frameset with IIS/ASP.NET headers", async () => {
    const page = await get(sim.url, "");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("x-aspnet-version")).toBe("4.0.30319");
    expect(page.headers.get("server")).toMatch(/IIS/);
    expect(page.text).toContain('rows="125,*,25"');
    for (const frame of ["topFrame", "mainFrame", "bottomFrame"]) expect(page.text).toContain(`name="${frame}"`);
    expect((await get(sim.url, "PropertySearch.htm")).text).toBe(page.text);
    expect((await get(sim.rollUrl("gv2022"), "")).text).toBe(page.text);
    const bare = await get(sim.url, "gv2017");
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/gv2017/");
    for (const path of ["FramePages/Header.aspx", "FramePages/Footer.aspx", "FramePages/blank.htm"]) expect((await get(sim.url, path)).status).toBe(200);
  });

  it("treats paths case-insensitively and answers 404 for unknown ones", async () => {
    const path = resultsPath({ Suburb: String(sim.site.suburbs[0]?.id) });
    const upper = await get(sim.url, path);
    const lower = await get(sim.url, path.replace("FramePages/SearchResult.aspx", "framepages/searchresult.aspx"));
    expect(lower.text.replace(/action="[^"]*"/, "")).toBe(upper.text.replace(/action="[^"]*"/, ""));
    const missing = await get(sim.url, "FramePages/Nope.aspx");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("404 - File or directory not found.");
  });

  describe("SearchType.aspx", () => {
    it("renders the WebForms form with the roll dates", async () => {
      const page = await get(sim.url, "FramePages/SearchType.aspx");
      const $ = cheerio.load(page.text);
      expect($("select#drpSearchType option").toArray().map((o) => $(o).attr("value"))).toEqual(["", "1", "2"]);
      expect($("input[type=submit]#btnGo").attr("name")).toBe("btnGo");
      for (const hidden of ["__VIEWSTATE", "__VIEWSTATEGENERATOR", "__EVENTVALIDATION", "__EVENTTARGET", "__EVENTARGUMENT"]) {
        expect($(`input[name=${hidden}]`).length, hidden).toBe(1);
      }
      $("input").each((_, el) => {
        expect($(el).attr("name")).toBeTruthy();
        expect($(el).attr("value")).toBeDefined();
      });
      const text = $("body").text().replace(/\s+/g, " ");
      expect(text).toContain("Property Register and Market Valuations : 11 February 2022");
      expect(text).toContain("Ownership Information : 11 February 2022");
      const older = cheerio.load((await get(sim.rollUrl("gv2017"), "FramePages/SearchType.aspx")).text)("body").text().replace(/\s+/g, " ");
      expect(older).toContain("Ownership Information : 17 February 2017");
    });

    async function postBack(base: string, change: (form: URLSearchParams) => void) {
      const $ = cheerio.load((await get(base, "FramePages/SearchType.aspx")).text);
      const form = new URLSearchParams();
      $("input[type=hidden]").each((_, el) => {
        form.set($(el).attr("name") ?? "", $(el).attr("value") ?? "");
      });
      form.set("drpSearchType", "1");
      form.set("btnGo", "Go");
      change(form);
      return get(base, "FramePages/SearchType.aspx", {
        method: "POST",
        body: form.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    }

    it("redirects a valid postback to the criteria frameset", async () => {
      const full = await postBack(sim.url, () => {});
      expect(full.status).toBe(302);
      expect(full.headers.get("location")).toBe("/FramePages/Search.aspx");
      const sectional = await postBack(sim.rollUrl("gv2017"), (f) => f.set("drpSearchType", "2"));
      expect(sectional.headers.get("location")).toBe("/gv2017/FramePages/Search2.aspx");
      const blank = await postBack(sim.url, (f) => f.set("drpSearchType", ""));
      expect(blank.status).toBe(200);
      expect(blank.text).toContain("***Please select valuation roll***");
    });

    it("answers 500 to an invalid postback", async () => {
      for (const change of [
        (f: URLSearchParams) => f.set("drpSearchType", "3"),
        (f: URLSearchParams) => f.delete("__EVENTVALIDATION"),
        (f: URLSearchParams) => f.set("__EVENTVALIDATION", `${f.get("__EVENTVALIDATION")?.slice(0, -4)}AAA=`),
      ]) {
        const page = await postBack(sim.url, change);
        expect(page.status).toBe(500);
        expect(page.text).toContain("Invalid postback or callback argument");
      }
    });
  });

  it("serves the criteria framesets", async () => {
    for (const [page, crit] of [["Search.aspx", "SearchCrit.aspx"], ["Search2.aspx", "SearchCrit2.aspx"]] as const) {
      const $ = cheerio.load((await get(sim.url, `FramePages/${page}`)).text);
      expect($("frameset#frmSearchType").attr("rows")).toBe("155,*");
      expect($("frame[name=frmSearchCriter]").attr("src")).toBe(crit);
      expect($("frame[name=frameSearch]").attr("src")).toBe("blank.htm");
    }
  });

  it("renders the Full Title criteria form", async () => {
    const html = (await get(sim.url, "FramePages/SearchCrit.aspx")).text;
    const $ = cheerio.load(html);
    const volumes = $("select#drpVolumeNo option").toArray().map((o) => $(o).attr("value"));
    expect(volumes).toHaveLength(90);
    expect(volumes[1]).toBe("01");
    expect(volumes[89]).toBe("89");
    expect($("#txtRateNumber").attr("maxlength")).toBe("10");
    expect($("#txtStreetNo").attr("maxlength")).toBe("20");
    expect($("#txtStreetName").attr("maxlength")).toBe("30");
    const suburbs = $("select[name=drpSuburb] option").toArray();
    expect($(suburbs[0]).text()).toBe("[--Select Suburb--]");
    expect(suburbs.slice(1).map((o) => Number($(o).attr("value")))).toEqual(sim.site.suburbs.map((s) => s.id));
    expect($("select[name=drpDeedsTown] option").length).toBe(sim.site.deedsTowns.length + 1);
    expect($("#txtERF").length + $("#txtPortion").length).toBe(2);
    expect($("#btnSearch").length).toBe(1);
    expect(html).toContain('"SearchResult.aspx?Roll=1&VolumeNo=" + VolumeNo + "&RateNumber=" + RateNumber');
  });

  it("renders the Sectional Title criteria form with entity-encoded scheme names", async () => {
    const html = (await get(sim.url, "FramePages/SearchCrit2.aspx")).text;
    const $ = cheerio.load(html);
    const schemes = $("select#drpScheme").children("option").toArray();
    expect($("select#drpScheme").attr("name")).toBe("drp");
    expect($(schemes[0]).text()).toBe("[--Select Scheme Name--]");
    expect(schemes.slice(1).every((o) => $(o).attr("value") === "1")).toBe(true);
    expect(schemes.slice(1).map((o) => $(o).text())).toEqual(sim.site.schemes.map((s) => s.name));
    expect(html).toMatch(/<option value="1">[^<]*&amp;[^<]*<\/option>/);
    expect(html).toMatch(/<option value="1">SS [^<]*'[^<]*<\/option>/);
    expect($("input#chkScheme").attr("name")).toBeUndefined();
    expect($("#txtSectionNumber").length).toBe(1);
    expect(html).toContain('"&All=" + isAllScheme');
  });

  describe("SearchResult.aspx", () => {
    it("renders a suburb exactly like the site's XSLT, rows equal to the ground truth", async () => {
      const suburbIndex = 2;
      const suburb = sim.site.suburbs[suburbIndex];
      const page = await get(sim.url, resultsPath({ Suburb: String(suburb?.id), All: "true" }));
      expect(page.status).toBe(200);
      const truth = sim.site.rolls.gv2022.bucket("full", suburbIndex);
      expect(caption(page.text)).toBe(truth.length);
      expect(tableRows(page.text)).toEqual(truth.map(displayedCells));
      expect(page.text).not.toMatch(/[^\r]\n/);
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toMatch(/<div align="center">\s*<html>\r\n<body>\r\n<div id="resultPanel">/);
      expect(page.text).toContain('<th align="left">Rate Number </th>');
      expect(page.text).toContain('<td colspan="9" class="searchResultCaption">');
      expect(page.text).toMatch(/<\/tr>\r\n {2}<div>\r\n {3}<tr class="color1">/);
      expect(page.text).toMatch(/onclick="javascript:LoadingLayers\(\);">\r\n +\d{8}\r\n +<\/a><\/td>/);
      const $ = cheerio.load(page.text);
      const classes = $("tr.color1, tr.color0").toArray().map((tr) => $(tr).attr("class"));
      expect(classes.slice(0, 3)).toEqual(["color1", "color0", "color1"]);
      const first = truth[0];
      expect(page.text).toContain(`href="../FramePages/SearchDeatils.aspx?id=${first?.pin}&amp;PType=1&amp;FType=1"`);
    });

    it("shows the banner at 1000 or more matches", async () => {
      const sizes = sim.site.suburbs.map((_, i) => sim.site.rolls.gv2022.bucket("full", i).length);
      const big = sizes.findIndex((n) => n >= 1000);
      const small = sizes.findIndex((n) => n > 0 && n < 1000);
      const bigPage = await get(sim.url, resultsPath({ Suburb: String(sim.site.suburbs[big]?.id), All: "true" }));
      expect(bigPage.text).toContain('<tr bgcolor="#9acd32" class="HeaderMessage"><td colspan="9" align="center">Due to resource constraints');
      expect(tableRows(bigPage.text)).toHaveLength(sizes[big] ?? -1);
      const smallPage = await get(sim.url, resultsPath({ Suburb: String(sim.site.suburbs[small]?.id), All: "true" }));
      expect(smallPage.text).not.toContain("HeaderMessage");
    });

    it("accepts a scheme name with an unencoded & as well as an encoded one", async () => {
      const scheme = sim.site.schemes.find((s) => s.name.includes("&"));
      expect(scheme).toBeDefined();
      const name = scheme?.name ?? "";
      const raw = await get(sim.url, resultsPath({ Roll: "2", SchemeName: name.replace(/ /g, "%20"), All: "true" }));
      const encoded = await get(sim.url, resultsPath({ Roll: "2", SchemeName: encodeURIComponent(name), All: "true" }));
      expect(raw.status).toBe(200);
      expect(caption(raw.text)).toBe(scheme?.sections);
      expect(tableRows(encoded.text)).toEqual(tableRows(raw.text));
      expect(tableRows(raw.text).every((row) => row[1]?.includes(name))).toBe(true);
    });

    it("filters by rate number substring and section number", async () => {
      const page = await get(sim.url, resultsPath({ RateNumber: "534" }));
      const rows = tableRows(page.text);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row[0]?.includes("534"))).toBe(true);
      const scheme = sim.site.schemes.find((s) => s.sections >= 3 && !s.name.includes("&"));
      const one = await get(sim.url, resultsPath({ Roll: "2", SchemeName: encodeURIComponent(scheme?.name ?? ""), SectionNumber: "2" }));
      expect(caption(one.text)).toBe(1);
      const whole = await get(sim.url, resultsPath({ Roll: "2", SchemeName: encodeURIComponent(scheme?.name ?? ""), SectionNumber: "2", All: "true" }));
      expect(caption(whole.text)).toBe(scheme?.sections);
    });

    it("says No Match when nothing matches", async () => {
      const page = await get(sim.url, resultsPath({ RateNumber: "notanumber" }));
      expect(caption(page.text)).toBe(0);
      expect(page.text).toContain('<tr><td colspan="9" class="Message"><b>No Match records found. Please refine the Search.</b></td></tr>');
      expect(page.text).not.toContain("SearchResultRowHeader");
    });

    it("answers 500 yellow pages to bad queries", async () => {
      const missing = await get(sim.url, "FramePages/SearchResult.aspx?Roll=1&VolumeNo=&RateNumber=534");
      expect(missing.status).toBe(500);
      expect(missing.text).toContain("Object reference not set to an instance of an object.");
      expect(missing.text).toContain("Server Error in '/' Application.");
      expect((await get(sim.url, resultsPath({ Roll: "3" }))).status).toBe(500);
      expect((await get(sim.url, resultsPath({ Roll: "x" }))).text).toContain("Input string was not in a correct format.");
      expect((await get(sim.url, resultsPath({ All: "maybe" }))).status).toBe(500);
    });

    it("serves gv2017 under its prefix with other values and PINs", async () => {
      const suburb = String(sim.site.suburbs[0]?.id);
      const now = tableRows((await get(sim.url, resultsPath({ Suburb: suburb, All: "true" }))).text);
      const before = await get(sim.rollUrl("gv2017"), resultsPath({ Suburb: suburb, All: "true" }));
      expect(tableRows(before.text)).toEqual(sim.site.rolls.gv2017.bucket("full", 0).map(displayedCells));
      expect(tableRows(before.text)).not.toEqual(now);
    });
  });

  describe("every roll", () => {
    for (const roll of ROLL_IDS) {
      it(`answers ${roll}'s pages from its own data`, async () => {
        const base = sim.rollUrl(roll);
        const meta = ROLL_META[roll];
        const frameset = await get(base, "");
        expect(frameset.status).toBe(200);
        expect(frameset.text).toContain(`<title>${meta.title}</title>`);
        const searchType = cheerio.load((await get(base, "FramePages/SearchType.aspx")).text)("body").text().replace(/\s+/g, " ");
        expect(searchType).toContain(`Property Register and Market Valuations : ${meta.dataAsAt}`);
        expect(searchType).toContain(`as at ${meta.valuationDate}`);
        expect(searchType).toContain(`into effect on ${meta.effectiveDate}`);

        const full = await get(base, "FramePages/SearchCrit.aspx");
        expect(full.status).toBe(200);
        expect(full.text).toContain(meta.title);
        const $ = cheerio.load((await get(base, "FramePages/SearchCrit2.aspx")).text);
        const listed = $("select#drpScheme option").toArray().slice(1).map((o) => $(o).text());
        expect(listed).toEqual(sim.site.rolls[roll].schemesListed().map((s) => s.name));

        const suburbIndex = 1;
        const suburb = String(sim.site.suburbs[suburbIndex]?.id);
        const truth = sim.site.rolls[roll].bucket("full", suburbIndex);
        expect(truth.length).toBeGreaterThan(10);
        expect(truth.every((p) => p.roll === roll)).toBe(true);
        expect(tableRows((await get(base, resultsPath({ Suburb: suburb }))).text)).toEqual(truth.map(displayedCells));
        const scheme = listed[listed.length - 1] ?? "";
        const units = [...sim.site.rolls[roll].properties()].filter((p) => p.schemeName === scheme);
        expect(units.length).toBeGreaterThan(0);
        expect(tableRows((await get(base, resultsPath({ Roll: "2", SchemeName: encodeURIComponent(scheme), All: "true" }))).text)).toEqual(units.map(displayedCells));

        const p = truth[0]!;
        const details = await get(base, `FramePages/SearchDeatils.aspx?id=${p.pin}&PType=1&FType=1`);
        expect(details.status).toBe(200);
        expect(cheerio.load(details.text)("body").text()).toContain(p.rateNumber);
        // A PIN of another roll is no property here.
        const other = ROLL_IDS.find((r) => r !== roll)!;
        const elsewhere = sim.site.rolls[other].bucket("full", suburbIndex)[0]!;
        expect(sim.site.rolls[roll].byPin(elsewhere.pin)).toBeUndefined();
      });
    }

    it("lists a scheme only on the rolls that have its units", () => {
      const names = (roll: RollId) => new Set(sim.site.rolls[roll].schemesListed().map((s) => s.name));
      const [gv2012, gv2017, gv2022, gv2026] = ROLL_IDS.map(names) as [Set<string>, Set<string>, Set<string>, Set<string>];
      expect([...gv2022]).toEqual(sim.site.schemes.map((s) => s.name));
      expect([...gv2022].some((n) => !gv2017.has(n))).toBe(true);
      expect([...gv2017].some((n) => !gv2012.has(n))).toBe(true);
      expect([...gv2026].some((n) => !gv2022.has(n))).toBe(true);
    });
  });

  describe("SearchDeatils.aspx", () => {
    it("shows a property's profile", async () => {
      const p = [...sim.site.rolls.gv2022.properties()].find((x) => x.titleType === "full" && x.owners.length >= 2 && x.marketValue !== null);
      expect(p).toBeDefined();
      const page = await get(sim.url, `FramePages/SearchDeatils.aspx?id=${p?.pin}&PType=1&FType=1`);
      const $ = cheerio.load(page.text);
      const captions = $("td.widowRowCaption").toArray().map((td) => $(td).text().trim());
      for (const c of ["Rate Number", "Property Description", "Address", "ERF Number", "Deeds Township/ Farm", "Use Code", "Rating Category", "Government Code", "Exemptions", "Rebates", "Phasing In", "Exclusions", "SRA Code", "Property Type", "Market Value", "Name"]) {
        expect(captions, c).toContain(c);
      }
      expect(page.text).toContain("Registered Extent (m&#178;)");
      expect($("table.tblInner").length).toBeGreaterThanOrEqual(3);
      expect($("div#divValuations td.tdContaint").first().text().trim()).toMatch(/^\d{1,3}(,\d{3})*\.00$/);
      expect($("div#divOwnsers td.tdContaint").toArray().map((td) => $(td).text().trim())).toEqual(p?.owners);
      expect($("div#divPropertDetails").length).toBe(1);
    });

    it("shows the Sectional Title field list", async () => {
      const p = [...sim.site.rolls.gv2022.properties()].find((x) => x.titleType === "sectional");
      const $ = cheerio.load((await get(sim.url, `FramePages/SearchDeatils.aspx?id=${p?.pin}&PType=2&FType=2`)).text);
      const captions = $("div#divPropertDetails td.widowRowCaption").toArray().map((td) => $(td).text().trim());
      for (const c of ["Section Number", "Scheme Name", "Scheme Number"]) expect(captions).toContain(c);
      expect(captions).not.toContain("ERF Number");
    });

    it("fails on non-numeric parameters and shows empty fields for an unknown PIN", async () => {
      const bad = await get(sim.url, "FramePages/SearchDeatils.aspx?id=abc&PType=1&FType=1");
      expect(bad.status).toBe(500);
      expect(bad.text).toContain("Input string was not in a correct format.");
      const unknown = await get(sim.url, "FramePages/SearchDeatils.aspx?id=7&PType=1&FType=1");
      expect(unknown.status).toBe(200);
      const $ = cheerio.load(unknown.text);
      expect($("td.tdContaint").toArray().every((td) => $(td).text().trim() === "")).toBe(true);
      expect($("div#divOwnsers td.tdContaint").length).toBe(0);
    });
  });

  describe("faults", () => {
    const path = () => resultsPath({ Suburb: String(sim.site.suburbs[0]?.id), All: "true" });

    it("serves the database-down page, then recovers after `times`", async () => {
      sim.faults.add({ path: /SearchResult/i, kind: "500", times: 2 });
      const first = await get(sim.url, path());
      expect(first.status).toBe(500);
      expect(first.text).toContain("A network-related or instance-specific error occurred while establishing a connection to SQL Server");
      expect((await get(sim.url, path())).status).toBe(500);
      expect((await get(sim.url, path())).status).toBe(200);
    });

    it("answers 429 with Retry-After", async () => {
      sim.faults.add({ path: /SearchCrit/i, kind: "429", times: 1 });
      const page = await get(sim.url, "FramePages/SearchCrit.aspx");
      expect(page.status).toBe(429);
      expect(page.headers.get("retry-after")).toBe("1");
    });

    it("never answers on timeout", async () => {
      sim.faults.add({ path: /SearchResult/i, kind: "timeout", times: 1 });
      sim.clearRequests();
      const controller = new AbortController();
      const pending = fetch(sim.url + path(), { signal: controller.signal });
      // Give up only once the server has taken the request and chosen not to answer.
      for (let i = 0; i < 200 && sim.requests.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(sim.requests).toEqual([{ method: "GET", url: `/${path()}`, status: 0, fault: "timeout", receivedAt: expect.any(Number), answeredAt: 0 }]);
      controller.abort();
      await expect(pending).rejects.toThrow();
    });

    it("truncates a page with a 200 and a clean close", async () => {
      const whole = await get(sim.url, path());
      sim.faults.add({ path: /SearchResult/i, kind: "truncate", times: 1 });
      const cut = await get(sim.url, path());
      expect(cut.status).toBe(200);
      expect(cut.text.length).toBeLessThan(whole.text.length);
      expect(whole.text.startsWith(cut.text)).toBe(true);
      expect(cut.text).not.toContain("</html>\r\n</html>");
    });

    it("changes the layout or drops the table", async () => {
      sim.faults.add({ path: /SearchResult/i, kind: "layout", times: 1 });
      const renamed = await get(sim.url, path());
      expect(renamed.text).toContain('<th align="left">Valuation</th>');
      expect(renamed.text).not.toContain("Market Value</th>");
      sim.faults.add({ path: /SearchResult/i, kind: "layout", layout: "no-table", times: 1 });
      const bare = await get(sim.url, path());
      expect(bare.status).toBe(200);
      expect(bare.text).not.toContain("searchResultTable");
    });

    it("returns a valid empty answer", async () => {
      sim.faults.add({ path: /SearchResult/i, kind: "empty", times: 1 });
      const page = await get(sim.url, path());
      expect(caption(page.text)).toBe(0);
      expect(page.text).toContain("No Match records found.");
    });

    it("applies latency rules and random errors, and logs requests", async () => {
      sim.faults.add({ path: /Footer/i, latencyMs: 20, times: 1 });
      expect((await get(sim.url, "FramePages/Footer.aspx")).status).toBe(200);
      sim.faults.errorRate = 1;
      expect((await get(sim.url, "FramePages/Header.aspx")).status).toBe(500);
      sim.faults.errorRate = 0;
      sim.clearRequests();
      await get(sim.url, "FramePages/Header.aspx");
      expect(sim.requests).toEqual([
        { method: "GET", url: "/FramePages/Header.aspx", status: 200, fault: null, receivedAt: expect.any(Number), answeredAt: expect.any(Number) },
      ]);
      const [record] = sim.requests;
      expect(record!.answeredAt).toBeGreaterThanOrEqual(record!.receivedAt);
    });
  });

  it("switches generation at run time", async () => {
    const before = sim.site;
    sim.setGeneration(1);
    const change = mutationsBetween(before, sim.site).find((m) => m.kind === "changed" && m.titleType === "full" && m.cells?.includes("marketValue"));
    expect(change).toBeDefined();
    const rows = tableRows((await get(sim.url, resultsPath({ RateNumber: change?.rateNumber ?? "" }))).text);
    const now = sim.site.rolls.gv2022.byPin(change?.pin ?? "");
    expect(rows.find((r) => r[0] === change?.rateNumber)).toEqual(displayedCells(now!));
    sim.setGeneration(0);
    expect(sim.site.generation).toBe(0);
  });
});

describe("simulator options", () => {
  it("gives identical bytes for identical seeds", async () => {
    const a = await startSimulator({ seed: 5, rows: 800 });
    const b = await startSimulator({ seed: 5, rows: 800 });
    try {
      const path = resultsPath({ Suburb: String(a.site.suburbs[0]?.id), All: "true" });
      expect((await get(b.url, path)).text).toBe((await get(a.url, path)).text);
      expect((await get(b.url, "FramePages/SearchCrit2.aspx")).text).toBe((await get(a.url, "FramePages/SearchCrit2.aspx")).text);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("truncates large answers while the caption keeps the true total", async () => {
    const sim = await startSimulator({ seed: 7, rows: 2000, truncateAbove: 10 });
    try {
      const page = await get(sim.url, resultsPath({ Suburb: String(sim.site.suburbs[0]?.id), All: "true" }));
      expect(tableRows(page.text)).toHaveLength(10);
      expect(caption(page.text)).toBe(sim.site.rolls.gv2022.bucket("full", 0).length);
      expect(caption(page.text)).toBeGreaterThan(10);
    } finally {
      await sim.close();
    }
  });

  it("starts at a given generation", async () => {
    const sim = await startSimulator({ seed: 7, rows: 500, generation: 2 });
    try {
      expect(sim.site.generation).toBe(2);
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(sim.rollUrl("gv2017")).toBe(`${sim.url}gv2017/`);
    } finally {
      await sim.close();
    }
  });
});
