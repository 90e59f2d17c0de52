import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import type { PropertyChange } from "@/lib/roll-changes/change-rows";
import type { PropertyRoll } from "@/lib/roll-changes/property-rolls";
import { linkRollPair } from "@/lib/roll-links/link-roll-pair";
import { storeRoll, type HandRow } from "@/lib/roll-links/testing/store-roll";
import type { UnlinkedProperty } from "@/lib/roll-links/unlinked";
import type { StatsGroupRow } from "@/lib/valuations/valuation-stats";

// GET /api/changes, /api/rolls/{roll}/unlinked, /api/stats?compare= and the detail's `rolls`, on
// two hand-made rolls linked in a real PostgreSQL; every answer checked against public/openapi.json.

let api: ApiHarness;

const full = (rateNumber: string, legalDescription: string, suburb: string, value: number | null): HandRow => ({ titleType: "full", rateNumber, legalDescription, suburb, value });

beforeAll(async () => {
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_EXPORTS_PER_MINUTE: "1000" });
  await storeRoll(api.db, "gv2017", [
    full("00000100", "ERF 1 of PINETOWN", "PINETOWN", 1_000_000),
    full("00000101", "ERF 2 of PINETOWN", "PINETOWN", 500_000),
    full("00000102", "ERF 3 of PINETOWN", "PINETOWN", 800_000),
    full("00000104", "ERF 5 of PINETOWN", "PINETOWN", 700_000),
    full("00000200", "ERF 10 of KINGSBURGH", "KINGSBURGH", 2_000_000),
  ]);
  await storeRoll(api.db, "gv2022", [
    full("00000100", "ERF 1 of PINETOWN", "PINETOWN", 1_100_000),
    full("00000101", "ERF 2 of PINETOWN", "PINETOWN", 502_000),
    full("00000902", "ERF 3 of PINETOWN", "PINETOWN", 720_000),
    full("00000200", "ERF 10 of KINGSBURGH", "KINGSBURGH", 3_000_000),
    full("00000300", "ERF 99 of KINGSBURGH", "KINGSBURGH", 250_000),
  ]);
  await linkRollPair(api.db.pool, "gv2017", "gv2022");
  // A roll the registry adds with an id that is no "gvYYYY" (before any request reads the registry).
  await api.db.pool.query(
    `INSERT INTO rolls (id, label, base_url, valuation_date, effective_from, effective_to, kind, status)
     VALUES ('sup2024', 'Supplementary 2024', NULL, '2024-01-01', '2024-07-01', NULL, 'supplementary', 'active')`,
  );
  await storeRoll(api.db, "sup2024", [full("00000100", "ERF 1 of PINETOWN", "PINETOWN", 1_210_000)]);
});
afterAll(async () => api?.close());

describe("GET /api/stats?compare=", () => {
  it("adds each group's change against the other roll", async () => {
    const answer = await api.get("/api/stats?roll=gv2022&groupBy=suburb&compare=gv2017");
    expect(answer.status).toBe(200);
    const groups = answer.json<{ data: StatsGroupRow[] }>().data;
    expect(groups.map((group) => [group.label, group.change?.compared, group.change?.medianPercent, group.change?.up, group.change?.flat, group.change?.down])).toEqual([
      ["KINGSBURGH", 1, 50, 1, 0, 0],
      ["PINETOWN", 3, 0.4, 1, 1, 1],
    ]);
    expect(groups[0]?.change?.basis).toBe("links");
  });

  it("refuses a roll compared with itself or a malformed roll", async () => {
    expect((await api.get("/api/stats?roll=gv2022&compare=gv2022")).status).toBe(400);
    const bad = await api.get("/api/stats?compare=2017");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("compare: must be a roll id: a lower-case letter");
  });
});

describe("GET /api/changes", () => {
  it("pages through the compared properties with both rate numbers and values", async () => {
    const first = await api.get("/api/changes?roll=gv2022&against=gv2017&limit=2");
    const body = first.json<{ data: PropertyChange[]; next: string | null; meta: { basis: string } }>();
    expect(body.meta.basis).toBe("links");
    expect(body.data).toHaveLength(2);
    const second = await api.get(body.next!);
    const rest = second.json<{ data: PropertyChange[]; next: string | null }>();
    expect(rest.next).toBeNull();
    const all = [...body.data, ...rest.data];
    expect(all.map((row) => row.rateNumber).sort()).toEqual(["00000100", "00000101", "00000200", "00000902"]);
    expect(all.find((row) => row.rateNumber === "00000902")).toMatchObject({ againstRateNumber: "00000102", change: -80_000, changePercent: -10 });
  });

  it("streams every compared property of a filter as CSV", async () => {
    const answer = await api.get("/api/changes?roll=gv2022&against=gv2017&suburb=PINETOWN&format=csv");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="changes-gv2022-against-gv2017/);
    const lines = answer.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "roll,titleType,rateNumber,suburb,legalDescription,useDescription,ratingCategory,marketValue,against,againstTitleType,againstRateNumber,againstMarketValue,againstRatingCategory,change,changePercent",
    );
    expect(lines).toHaveLength(4);
    expect(lines).toContain("gv2022,full,00000902,PINETOWN,ERF 3 of PINETOWN,Single Residential,Residential,720000,gv2017,full,00000102,800000,Residential,-80000,-10");
  });

  it("needs against, and takes no paging with CSV", async () => {
    expect((await api.get("/api/changes?roll=gv2022")).text).toContain("against: is required");
    expect((await api.get("/api/changes?against=gv2017&format=csv&limit=5")).text).toContain("limit: does not apply to a csv export");
  });
});

describe("GET /api/rolls/{roll}/unlinked", () => {
  it("lists the properties new on the newer roll and gone from the older", async () => {
    const added = (await api.get("/api/rolls/gv2022/unlinked?against=gv2017")).json<{ data: UnlinkedProperty[]; meta: { status: string } }>();
    expect(added.meta.status).toBe("new");
    expect(added.data.map((row) => row.rateNumber)).toEqual(["00000300"]);
    const gone = (await api.get("/api/rolls/gv2017/unlinked?against=gv2022&format=csv")).text.trimEnd().split("\r\n");
    expect(gone).toEqual(["status,roll,titleType,rateNumber,suburbId,suburb,address,legalDescription,marketValue", "gone,gv2017,full,00000104,10001,PINETOWN,\"104 MAIN ROAD, PINETOWN\",ERF 5 of PINETOWN,700000"]);
  });

  it("answers 409 for a pair never linked and 400 for a malformed roll", async () => {
    const unlinked = await api.get("/api/rolls/gv2022/unlinked?against=gv2012");
    expect(unlinked.status).toBe(409);
    expect(unlinked.text).toContain("npm run link-rolls -- --from gv2012 --to gv2022");
    expect((await api.get("/api/rolls/2022/unlinked?against=gv2017")).status).toBe(400);
  });
});

describe("a roll the registry adds, whatever its id", () => {
  it("is compared by compare= and against=, and an unregistered roll is refused with the registered ones listed", async () => {
    const stats = await api.get("/api/stats?roll=sup2024&groupBy=suburb&compare=gv2022");
    expect(stats.status, stats.text).toBe(200);
    // The supplementary roll is the newer (its date, not its id): +10% on ERF 1, by rate number.
    expect(stats.json<{ data: StatsGroupRow[] }>().data[0]?.change).toMatchObject({ basis: "rate-number", compared: 1, medianPercent: 10 });
    const changes = await api.get("/api/changes?roll=gv2022&against=sup2024");
    expect(changes.json<{ data: PropertyChange[] }>().data).toEqual([expect.objectContaining({ rateNumber: "00000100", change: 110_000, changePercent: 10 })]);
    for (const path of ["/api/stats?compare=gv2099", "/api/changes?against=gv2099", "/api/rolls/gv2022/unlinked?against=gv2099"]) {
      const refused = await api.get(path);
      expect(refused.status, path).toBe(400);
      expect(refused.text, path).toMatch(/(compare|against): must be one of: gv2026, sup2024, gv2022, gv2017, gv2012/);
    }
  });
});

describe("GET /api/valuations/{rateNumber}: rolls", () => {
  it("follows a renumbered property to the older roll, with the change", async () => {
    const answer = await api.get("/api/valuations/00000902?roll=gv2022");
    const rolls = answer.json<{ rolls: PropertyRoll[] }>().rolls;
    expect(rolls.map((entry) => [entry.roll, entry.rateNumber, entry.linkedBy, entry.marketValue, entry.change])).toEqual([
      ["gv2017", "00000102", "legal-description", 800_000, null],
      ["gv2022", "00000902", "this-property", 720_000, { from: "gv2017", absolute: -80_000, percent: -10, ratingCategory: null }],
    ]);
  });
});
