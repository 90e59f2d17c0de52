import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { parseCsv } from "@/lib/simulator/parse-csv";
import { encodeCursor, queryFingerprint } from "@/lib/valuations/cursor";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import type { Sort } from "@/lib/valuations/sort-fields";
import { seedValuations } from "@/lib/valuations/testing/seed";
import type { ValuationList } from "@/lib/valuations/valuation-schema";

// Owner names under each OWNER_NAMES mode and the suppression list, through the route handlers on
// a seeded database (every answer also checked against public/openapi.json by the harness).

const CURSOR_SECRET = "owner-names-test-cursor-key";
const LIMITS = { RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_EXPORTS_PER_MINUTE: "1000", CURSOR_SECRET, OWNER_HISTORY_DAYS: "365" };
const OLD_OWNER = "EARLIER OWNER NOMVULA";
const ANCIENT_OWNER = "LONG AGO OWNER SIPHO";

type Owned = { rateNumber: string; owner: string; surname: string };

/** A cursor issued under OWNER_NAMES=full, replayed under the default. */
let fullModeCursor = "";

/** A Full Title property with an owner, a profile page naming two owners, and an owner change in its history. */
async function prepare(api: ApiHarness): Promise<Owned> {
  await seedValuations(api.db);
  const { rows } = await api.db.pool.query<{ id: number; rate_number: string; first_owner: string }>(
    `SELECT id, rate_number, first_owner FROM valuations
      WHERE roll = 'gv2022' AND title_type = 'full' AND removed_at IS NULL AND first_owner LIKE '%TRANSPORT%'
      ORDER BY id LIMIT 1`,
  );
  const row = rows[0]!;
  await api.db.pool.query(`UPDATE valuations SET detail = $2, detail_fetched_at = now() WHERE id = $1`, [
    row.id,
    JSON.stringify({ owners: [row.first_owner, "SECOND OWNER THANDI"], deedsTown: "DURBAN" }),
  ]);
  // As a deployment under OWNER_NAMES=full writes them: one recent owner change, one older than OWNER_HISTORY_DAYS.
  await api.db.pool.query(
    `INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, before, after, changed_at)
     SELECT $1::bigint, (SELECT max(id) FROM scrape_runs), 'changed'::change_kind, '{firstOwner}'::text[], jsonb_build_object('firstOwner', $2::text), jsonb_build_object('firstOwner', $3::text), now() - interval '1 day'
     UNION ALL
     SELECT $1::bigint, (SELECT max(id) FROM scrape_runs), 'changed'::change_kind, '{firstOwner}'::text[], jsonb_build_object('firstOwner', $4::text), jsonb_build_object('firstOwner', $2::text), now() - interval '800 days'`,
    [row.id, OLD_OWNER, row.first_owner, ANCIENT_OWNER],
  );
  return { rateNumber: row.rate_number, owner: row.first_owner, surname: row.first_owner.split(/\s+/).find((word) => word.length >= 4)! };
}

async function ok(api: ApiHarness, pathAndQuery: string) {
  const answer = await api.get(pathAndQuery);
  expect(answer.status, answer.text).toBe(200);
  return answer;
}

async function detail(api: ApiHarness, owned: Owned): Promise<{ body: ValuationDetailResponse; text: string; etag: string | null }> {
  const answer = await ok(api, `/api/valuations/${owned.rateNumber}?title=full`);
  return { body: answer.json<ValuationDetailResponse>(), text: answer.text, etag: answer.headers.get("etag") };
}

async function suppress(api: ApiHarness, owned: Owned): Promise<void> {
  await api.db.pool.query(
    `INSERT INTO owner_suppressions (roll, title_type, rate_number, reason, created_by) VALUES ('gv2022', 'full', $1, 'owner asked by e-mail', 'test')`,
    [owned.rateNumber],
  );
}

const unsuppress = (api: ApiHarness) => api.db.pool.query("DELETE FROM owner_suppressions");

/** No answer of the list, its exports and statistics names the owner, and none can be sorted or searched by owner. */
function expectListsWithoutNames(context: () => { api: ApiHarness; owned: Owned }) {
  it("lists, NDJSON and CSV exports carry no owner name and no owner column", async () => {
    const { api, owned } = context();
    const page = await ok(api, "/api/valuations?title=full&limit=1000&includeRemoved=true");
    expect(page.text).not.toContain(owned.owner);
    for (const row of page.json<ValuationList>().data) {
      expect(row).not.toHaveProperty("firstOwner");
      expect(row.displayed).not.toHaveProperty("firstOwner");
    }
    const ndjson = await ok(api, "/api/valuations?format=ndjson&includeRemoved=true");
    expect(ndjson.text).not.toContain(owned.owner);
    expect(ndjson.text).not.toContain("firstOwner");
    const csv = await ok(api, "/api/valuations?format=csv&includeRemoved=true");
    const [header] = parseCsv(csv.text);
    expect(header).not.toContain("firstOwner");
    expect(csv.text).not.toContain(owned.owner);
  });

  it("answers sort=firstOwner with a 400 problem naming the parameter", async () => {
    const { api } = context();
    for (const sort of ["firstOwner", "-firstOwner"]) {
      const answer = await api.get(`/api/valuations?sort=${sort}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(answer.json<{ errors: { parameter: string; message: string }[] }>().errors).toEqual([
        { parameter: "sort", message: expect.stringContaining("OWNER_NAMES=full") },
      ]);
      expect((await api.get(`/api/valuations?sort=${sort}&format=csv`)).status).toBe(400);
    }
  });

  it("does not match owner names with q, in lists, exports or statistics", async () => {
    const { api, owned } = context();
    for (const q of [owned.owner, owned.surname.toLowerCase()]) {
      const rows = (await ok(api, `/api/valuations?q=${encodeURIComponent(q)}&limit=1000`)).json<ValuationList>().data;
      expect(rows.map((row) => row.rateNumber)).not.toContain(owned.rateNumber);
    }
    expect((await ok(api, `/api/valuations?q=${encodeURIComponent(owned.owner)}&format=ndjson`)).text).toBe("");
    expect((await ok(api, `/api/stats?q=${encodeURIComponent(owned.owner)}`)).json<{ data: unknown[] }>().data).toEqual([]);
  });

  it("refuses a forged cursor that would start at an owner's name, whatever the sort asked", async () => {
    const { api, owned } = context();
    const ownerSort: Sort = { kind: "field", field: "firstOwner", descending: false };
    const filters = { roll: "gv2022" as const, includeRemoved: false };
    // Signed with the server's own key, for every scope it could be bound to.
    for (const scope of ["", "owners:listed:searched", "owners:unlisted:unsearched"]) {
      const forged = encodeCursor({ kind: "field", phase: 0, value: owned.surname, id: 1 }, queryFingerprint(filters, ownerSort, scope), ownerSort, CURSOR_SECRET);
      expect((await api.get(`/api/valuations?sort=firstOwner&cursor=${forged}`)).status).toBe(400);
      const replayed = await api.get(`/api/valuations?cursor=${forged}`);
      expect(replayed.status).toBe(400);
      expect(replayed.text).toContain("cursor");
    }
  });
}

describe("OWNER_NAMES=full (the municipality's own deployment)", () => {
  let api: ApiHarness;
  let owned: Owned;
  beforeAll(async () => {
    api = await startApiHarness({ ...LIMITS, OWNER_NAMES: "full" });
    owned = await prepare(api);
    // For the property-mode test that replays it.
    const page = (await ok(api, "/api/valuations?limit=5")).json<ValuationList>();
    fullModeCursor = new URL(page.next!, "http://localhost").searchParams.get("cursor")!;
  });
  afterAll(async () => api?.close());

  it("lists owners in JSON, NDJSON and CSV, and searches them with q", async () => {
    const rows = (await ok(api, `/api/valuations?q=${encodeURIComponent(owned.owner)}&title=full`)).json<ValuationList>().data;
    expect(rows.find((row) => row.rateNumber === owned.rateNumber)).toMatchObject({ firstOwner: owned.owner, displayed: { firstOwner: owned.owner } });
    const ndjson = await ok(api, `/api/valuations?rateNumber=${owned.rateNumber}&title=full&format=ndjson`);
    expect(JSON.parse(ndjson.text.trim())).toMatchObject({ firstOwner: owned.owner });
    const [header, record] = parseCsv((await ok(api, `/api/valuations?rateNumber=${owned.rateNumber}&title=full&format=csv`)).text);
    expect(record![header!.indexOf("firstOwner")]).toBe(owned.owner);
  });

  it("sorts by owner, and a walk of small pages equals one big page", async () => {
    const big = (await ok(api, "/api/valuations?title=full&sort=firstOwner&limit=1000")).json<ValuationList>().data;
    const named = big.filter((row) => row.firstOwner !== null).map((row) => row.firstOwner!);
    expect(named).toEqual([...named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const walked: string[] = [];
    let url: string | null = "/api/valuations?title=full&sort=firstOwner&limit=170";
    while (url) {
      const page: ValuationList = (await ok(api, url.replace(/^http:\/\/localhost/, ""))).json<ValuationList>();
      expect(page.next ?? "").not.toContain(encodeURIComponent(owned.surname));
      walked.push(...page.data.map((row) => row.rateNumber));
      url = page.next;
    }
    expect(walked).toEqual(big.map((row) => row.rateNumber));
  });

  it("keeps the names of an owner change for OWNER_HISTORY_DAYS, not longer", async () => {
    const { body } = await detail(api, owned);
    const ownerChanges = body.history.filter((change) => change.fields.includes("firstOwner"));
    expect(ownerChanges).toHaveLength(2);
    expect(ownerChanges[0]).toMatchObject({ before: { firstOwner: OLD_OWNER }, after: { firstOwner: owned.owner } });
    expect(ownerChanges[1]).toMatchObject({ fields: ["firstOwner"], before: {}, after: {} });
    expect(JSON.stringify(body)).not.toContain(ANCIENT_OWNER);
  });

  it("withholds a suppressed property's owners in lists, exports, search and its own resource", async () => {
    await suppress(api, owned);
    try {
      const byNumber = (await ok(api, `/api/valuations?rateNumber=${owned.rateNumber}&title=full`)).json<ValuationList>().data;
      expect(byNumber[0]).toMatchObject({ rateNumber: owned.rateNumber, firstOwner: null });
      expect(byNumber[0]!.displayed).not.toHaveProperty("firstOwner");
      expect((await ok(api, `/api/valuations?rateNumber=${owned.rateNumber}&title=full&format=ndjson`)).text).not.toContain(owned.owner);
      const [header, record] = parseCsv((await ok(api, `/api/valuations?rateNumber=${owned.rateNumber}&title=full&format=csv`)).text);
      expect(record![header!.indexOf("firstOwner")]).toBe("");
      const found = (await ok(api, `/api/valuations?q=${encodeURIComponent(owned.owner)}&limit=1000`)).json<ValuationList>().data;
      expect(found.map((row) => row.rateNumber)).not.toContain(owned.rateNumber);
      const sorted = (await ok(api, "/api/valuations?title=full&sort=firstOwner&limit=1000")).json<ValuationList>().data;
      expect(sorted.find((row) => row.rateNumber === owned.rateNumber)?.firstOwner).toBeNull();
      const { body, text } = await detail(api, owned);
      expect(body.data.ownerNames).toBe("withheld-at-owner-request");
      expect(body.data.firstOwner).toBeNull();
      expect(body.data.detail).toEqual({ deedsTown: "DURBAN" });
      for (const name of [owned.owner, OLD_OWNER, "SECOND OWNER THANDI"]) expect(text).not.toContain(name);
    } finally {
      await unsuppress(api);
    }
  });
});

describe("OWNER_NAMES=property (the default)", () => {
  let api: ApiHarness;
  let owned: Owned;
  beforeAll(async () => {
    api = await startApiHarness({ ...LIMITS, OWNER_NAMES: "property" });
    owned = await prepare(api);
  });
  afterAll(async () => api?.close());

  expectListsWithoutNames(() => ({ api, owned }));

  it("refuses a cursor issued where names are listed (OWNER_NAMES=full)", async () => {
    expect(fullModeCursor).not.toBe("");
    const answer = await api.get(`/api/valuations?limit=5&cursor=${fullModeCursor}`);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("other filters");
  });

  it("shows the owners on the property's own resource, as the official site does, and history without names", async () => {
    const { body, text } = await detail(api, owned);
    expect(body.data).toMatchObject({ firstOwner: owned.owner, displayed: { firstOwner: owned.owner }, ownerNames: "shown" });
    expect(body.data.detail).toEqual({ owners: [owned.owner, "SECOND OWNER THANDI"], deedsTown: "DURBAN" });
    const ownerChanges = body.history.filter((change) => change.fields.includes("firstOwner"));
    expect(ownerChanges.map((change) => [change.fields, change.before, change.after])).toEqual([
      [["firstOwner"], {}, {}],
      [["firstOwner"], {}, {}],
    ]);
    for (const change of body.history) {
      expect(change.before ?? {}).not.toHaveProperty("firstOwner");
      expect(change.after ?? {}).not.toHaveProperty("firstOwner");
    }
    expect(text).not.toContain(OLD_OWNER);
  });

  it("withholds a suppressed property's owners on its resource, and the answer's ETag moves at once", async () => {
    const before = await detail(api, owned);
    await suppress(api, owned);
    try {
      const { body, text, etag } = await detail(api, owned);
      expect(etag).not.toBe(before.etag);
      expect(body.data.ownerNames).toBe("withheld-at-owner-request");
      expect(body.data.firstOwner).toBeNull();
      expect(body.data.displayed).not.toHaveProperty("firstOwner");
      expect(body.data.detail).toEqual({ deedsTown: "DURBAN" });
      expect(text).not.toContain(owned.owner);
      expect(text).not.toContain("SECOND OWNER THANDI");
    } finally {
      await unsuppress(api);
    }
    expect((await detail(api, owned)).body.data.firstOwner).toBe(owned.owner);
  });
});

describe("OWNER_NAMES=hidden", () => {
  let api: ApiHarness;
  let owned: Owned;
  beforeAll(async () => {
    api = await startApiHarness({ ...LIMITS, OWNER_NAMES: "hidden" });
    owned = await prepare(api);
  });
  afterAll(async () => api?.close());

  expectListsWithoutNames(() => ({ api, owned }));

  it("shows no owner on the property's own resource either", async () => {
    const { body, text } = await detail(api, owned);
    expect(body.data.ownerNames).toBe("withheld-by-deployment");
    expect(body.data).not.toHaveProperty("firstOwner");
    expect(body.data.displayed).not.toHaveProperty("firstOwner");
    expect(body.data.detail).toEqual({ deedsTown: "DURBAN" });
    for (const name of [owned.owner, OLD_OWNER, "SECOND OWNER THANDI"]) expect(text).not.toContain(name);
  });
});
