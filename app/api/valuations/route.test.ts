import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { parseCsv } from "@/lib/simulator/parse-csv";
import { SORT_FIELD_NAMES, type SortFieldName } from "@/lib/valuations/sort-fields";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";
import type { Valuation, ValuationList } from "@/lib/valuations/valuation-schema";
import { csvColumns } from "@/lib/valuations/valuation-csv";

// GET /api/valuations through the route handler, on the seeded database. Every answer is also
// checked against public/openapi.json by the harness.

let api: ApiHarness;
let seed: SeedSummary;
/** Every gv2022 row, removed ones included, from the NDJSON export: the oracle for the filters. */
let everything: Valuation[];

const key = (row: Valuation) => `${row.roll}:${row.titleType}:${row.rateNumber}`;

async function list(query: string): Promise<ValuationList> {
  const answer = await api.get(`/api/valuations?${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.json<ValuationList>();
}

/** Follows `next` from the first page to the last. */
async function walk(query: string): Promise<{ rows: Valuation[]; pages: number }> {
  const rows: Valuation[] = [];
  let url: string | null = `/api/valuations?${query}`;
  let pages = 0;
  while (url) {
    const answer = await api.get(url);
    expect(answer.status, answer.text).toBe(200);
    const page = answer.json<ValuationList>();
    rows.push(...page.data);
    expect(answer.headers.get("link") ?? null).toBe(page.next === null ? null : `<${page.next}>; rel="next"`);
    url = page.next;
    pages += 1;
  }
  return { rows, pages };
}

async function ndjson(query: string, headers: HeadersInit = {}): Promise<Valuation[]> {
  const answer = await api.get(`/api/valuations?${query}`, headers);
  expect(answer.status, answer.text).toBe(200);
  return answer.text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as Valuation);
}

beforeAll(async () => {
  // The rate limit has its own test (rate-limit.test.ts); here it must not get in the way.
  api = await startApiHarness({ RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_EXPORTS_PER_MINUTE: "1000" });
  seed = await seedValuations(api.db);
  everything = await ndjson("format=ndjson&includeRemoved=true");
});
afterAll(async () => api?.close());

describe("listing", () => {
  it("answers a page with meta, a next link and typed rows", async () => {
    const answer = await api.get("/api/valuations?limit=5&total=true");
    expect(answer.status).toBe(200);
    const body = answer.json<ValuationList>();
    expect(body.data).toHaveLength(5);
    expect(body.total).toBe(seed.counts["gv2022:full"]! + seed.counts["gv2022:sectional"]! - seed.removed.length);
    expect(body.meta).toEqual({ roll: "gv2022", asAt: seed.lastRunFinishedAt.toISOString() });
    // No PUBLIC_URL and no trusted proxy: a path, never the address the server happens to listen on.
    expect(body.next).toMatch(/^\/api\/valuations\?limit=5&total=true&cursor=/);
    const first = body.data[0]!;
    expect(typeof first.marketValue === "number" || first.marketValue === null).toBe(true);
    expect(first.displayed.rateNumber).toBe(first.rateNumber);
    expect(first.href).toBe(`/api/valuations/${first.rateNumber}?roll=gv2022&title=${first.titleType}`);
  });

  it("ignores forwarded host and scheme from a proxy it does not trust", async () => {
    const answer = await api.get("/api/valuations?limit=1", { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" });
    const body = answer.json<ValuationList>();
    expect(body.next).toMatch(/^\/api\/valuations\?limit=1&cursor=/);
    expect(answer.headers.get("link")).toBe(`<${body.next}>; rel="next"`);
  });

  it("leaves total out unless asked, and has no next on the last page", async () => {
    const body = await list("rateNumber=43534177");
    expect(body.total).toBeUndefined();
    expect(body.data.map((row) => row.rateNumber)).toEqual(["43534177"]);
    expect(body.next).toBeNull();
  });

  it("answers the documented example: q=pinetown&sort=-marketValue&limit=5", async () => {
    const body = await list("q=pinetown&sort=-marketValue&limit=5");
    expect(body.data).toHaveLength(5);
    const values = body.data.map((row) => row.marketValue ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    for (const row of body.data) expect(JSON.stringify(row).toLowerCase()).toContain("pinetown");
  });
});

describe("filters", () => {
  const current = () => everything.filter((row) => row.removedAt === null);
  const expectRows = async (query: string, expected: Valuation[]) => {
    const body = await list(`${query}&limit=1000`);
    expect(body.data.map(key).sort()).toEqual(expected.map(key).sort());
    expect(expected.length).toBeGreaterThan(0);
  };

  it("title", async () => {
    await expectRows("title=sectional", current().filter((row) => row.titleType === "sectional"));
  });
  it("rateNumber as a prefix and as a whole number", async () => {
    await expectRows("rateNumber=96", current().filter((row) => row.rateNumber.startsWith("96")));
    await expectRows("rateNumber=0", current().filter((row) => row.rateNumber.startsWith("0")));
    const endsInNine = current().find((row) => row.rateNumber[1] === "9")!.rateNumber.slice(0, 2);
    await expectRows(`rateNumber=${endsInNine}`, current().filter((row) => row.rateNumber.startsWith(endsInNine)));
    await expectRows(`rateNumber=${seed.ambiguous}`, current().filter((row) => row.rateNumber === seed.ambiguous));
  });
  it("suburb by name (any case) and by id", async () => {
    const pinetown = current().filter((row) => row.suburbName === "PINETOWN");
    await expectRows("suburb=PINETOWN", pinetown);
    await expectRows("suburb=pinetown", pinetown);
    await expectRows("suburb=PineTown", pinetown);
    const mixedCase = current().find((row) => row.suburbName !== row.suburbName.toUpperCase())!.suburbName;
    await expectRows(`suburb=${encodeURIComponent(mixedCase.toLowerCase())}`, current().filter((row) => row.suburbName === mixedCase));
    await expectRows(`suburb=${pinetown[0]!.suburbId}`, current().filter((row) => row.suburbId === pinetown[0]!.suburbId));
  });
  it("street", async () => {
    const street = current().find((row) => row.streetName !== null)!.streetName!;
    await expectRows(`street=${encodeURIComponent(street.toLowerCase())}`, current().filter((row) => row.streetName === street));
  });
  it("useCode and ratingCategory", async () => {
    await expectRows("useCode=15", current().filter((row) => row.useCode === 15));
    await expectRows("ratingCategory=Vacant%20Land", current().filter((row) => row.ratingCategory === "Vacant Land"));
  });
  it("value and extent ranges (inclusive)", async () => {
    await expectRows("minValue=1000000&maxValue=2000000", current().filter((row) => row.marketValue !== null && row.marketValue >= 1_000_000 && row.marketValue <= 2_000_000));
    await expectRows("minValue=50000&maxValue=50000", current().filter((row) => row.marketValue === 50_000));
    await expectRows("minExtent=1000.5&maxExtent=5000", current().filter((row) => row.registeredExtent !== null && row.registeredExtent >= 1000.5 && row.registeredExtent <= 5000));
  });
  it("removed rows only with includeRemoved=true", async () => {
    const body = await list(`includeRemoved=true&rateNumber=${seed.removed[0]}`);
    expect(body.data.map((row) => row.removedAt !== null)).toEqual([true]);
    expect((await list(`rateNumber=${seed.removed[0]}`)).data).toEqual([]);
  });
  it("roll", async () => {
    const body = await list("roll=gv2017&limit=1000&total=true");
    expect(body.total).toBe(seed.counts["gv2017:full"]);
    expect(new Set(body.data.map((row) => row.roll))).toEqual(new Set(["gv2017"]));
    expect(body.meta.roll).toBe("gv2017");
  });
  it("filters combine", async () => {
    await expectRows(
      "title=full&ratingCategory=Residential&minValue=300000&q=pinetown",
      current().filter(
        (row) =>
          row.titleType === "full" && row.ratingCategory === "Residential" && (row.marketValue ?? -1) >= 300_000 &&
          `${row.rateNumber} ${row.address} ${row.legalDescription} ${row.schemeName ?? ""}`.toLowerCase().includes("pinetown"),
      ),
    );
  });
});

describe("search (q)", () => {
  const searchable = (row: Valuation) => `${row.rateNumber} ${row.address} ${row.legalDescription} ${row.schemeName ?? ""}`.toLowerCase();

  it("puts the exact rate number first, then its prefix matches", async () => {
    const body = await list(`q=${seed.ambiguous.slice(0, 4)}&limit=1000`);
    const prefix = seed.ambiguous.slice(0, 4);
    const firstOther = body.data.findIndex((row) => !row.rateNumber.startsWith(prefix));
    expect(body.data.slice(0, firstOther === -1 ? undefined : firstOther).every((row) => row.rateNumber.startsWith(prefix))).toBe(true);
    expect(body.data.slice(firstOther === -1 ? body.data.length : firstOther).some((row) => row.rateNumber.startsWith(prefix))).toBe(false);
    const exact = await list(`q=${seed.ambiguous}`);
    expect(exact.data.slice(0, 2).map((row) => row.rateNumber)).toEqual([seed.ambiguous, seed.ambiguous]);
  });

  it("finds legal descriptions, addresses and scheme names, every word, any case", async () => {
    const erf = current().find((row) => row.legalDescription.startsWith("Portion"))!;
    const phrase = erf.legalDescription.split(" of ").slice(0, 2).join(" of ").toUpperCase(); // "PORTION 16 OF ERF 74"
    const body = await list(`q=${encodeURIComponent(phrase)}&limit=1000`);
    expect(body.data[0]!.legalDescription.toUpperCase()).toContain(phrase);
    const words = phrase.toLowerCase().split(" ");
    expect(body.data.map(key).sort()).toEqual(current().filter((row) => words.every((word) => searchable(row).includes(word))).map(key).sort());

    const scheme = current().find((row) => row.schemeName !== null)!.schemeName!;
    const schemeRows = await list(`q=${encodeURIComponent(scheme.toLowerCase())}&limit=1000`);
    expect(schemeRows.data.map((row) => row.schemeName)).toContain(scheme);
  });

  it("matches LIKE wildcards literally", async () => {
    expect((await list("q=%25%25")).data).toEqual([]);
    expect((await list("q=__")).data).toEqual([]);
  });

  it("does not search owner names by default", async () => {
    const { rows } = await api.db.pool.query<{ first_owner: string }>(
      `SELECT first_owner FROM valuations WHERE roll = 'gv2022' AND removed_at IS NULL AND first_owner LIKE '%TRANSPORT%' LIMIT 1`,
    );
    const owner = rows[0]!.first_owner;
    expect((await list(`q=${encodeURIComponent(owner)}`)).data).toEqual([]);
  });

  function current() {
    return everything.filter((row) => row.removedAt === null);
  }
});

describe("sorting and cursor walks", () => {
  function compareValues(field: SortFieldName, a: Valuation, b: Valuation): number {
    const x = a[field];
    const y = b[field];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return typeof x === "number" && typeof y === "number" ? x - y : String(x) < String(y) ? -1 : 1;
  }

  // sort=firstOwner is for OWNER_NAMES=full only (owner-names.test.ts).
  for (const field of SORT_FIELD_NAMES.filter((name) => name !== "firstOwner")) {
    for (const descending of [false, true]) {
      const sort = `${descending ? "-" : ""}${field}`;
      it(`sort=${sort}: ordered, empty values last, and a walk of small pages equals one big page`, async () => {
        const query = `title=full&sort=${sort}`;
        const big = await list(`${query}&limit=1000`);
        expect(big.data.length).toBe(seed.counts["gv2022:full"]! - seed.removed.length);
        for (let i = 1; i < big.data.length; i += 1) {
          const [a, b] = [big.data[i - 1]!, big.data[i]!];
          const order = compareValues(field, a, b);
          if (a[field] !== null && b[field] !== null) expect(descending ? -order : order).toBeLessThanOrEqual(0);
          else expect(a[field] === null && b[field] !== null).toBe(false);
        }
        const { rows, pages } = await walk(`${query}&limit=150`);
        expect(pages).toBe(Math.ceil(big.data.length / 150));
        expect(rows.map(key)).toEqual(big.data.map(key));
        expect(new Set(rows.map(key)).size).toBe(rows.length);
      });
    }
  }

  it("walks pages that end inside a run of ties and on the empty-value boundary, both title types", async () => {
    for (const sort of ["marketValue", "-marketValue", "registeredExtent", "-useCode"]) {
      const big = await list(`sort=${sort}&limit=1000&title=sectional`);
      expect(big.data.some((row) => row[sort.replace("-", "") as SortFieldName] === null)).toBe(true);
      for (const limit of [1, 4, 9]) {
        const { rows } = await walk(`sort=${sort}&limit=${limit}&title=sectional`);
        expect(rows.map(key)).toEqual(big.data.map(key));
      }
    }
    const ties = await list("sort=marketValue&limit=1000&minValue=50000&maxValue=50000");
    expect(ties.data.length).toBeGreaterThan(3);
    expect((await walk("sort=marketValue&limit=2&minValue=50000&maxValue=50000")).rows.map(key)).toEqual(ties.data.map(key));
  });

  it("walks a ranked search", async () => {
    const big = await list("q=534&limit=1000");
    const { rows } = await walk("q=534&limit=50");
    expect(rows.map(key)).toEqual(big.data.map(key));
    expect(rows.length).toBeGreaterThan(500);
  });
});

describe("export", () => {
  it("NDJSON is the list, row for row, with a filename", async () => {
    const query = "title=full&sort=-marketValue";
    const big = await list(`${query}&limit=1000`);
    const answer = await api.get(`/api/valuations?${query}&format=ndjson`);
    expect(answer.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="valuations-gv2022-2026-11-21.ndjson"');
    expect(await ndjson(`${query}&format=ndjson`)).toEqual(big.data);
  });

  it("CSV has a header and the same rows and values, correctly quoted", async () => {
    const query = "sort=address&q=pinetown";
    const big = await list(`${query}&limit=1000`);
    const answer = await api.get(`/api/valuations?${query}&format=csv`);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="valuations-gv2022-\d{4}-\d\d-\d\d\.csv"$/);
    expect(answer.text.endsWith("\r\n")).toBe(true);
    const [header, ...records] = parseCsv(answer.text);
    expect(header).toEqual([...csvColumns(false)]);
    expect(records).toHaveLength(big.data.length);
    records.forEach((record, index) => {
      const row = big.data[index]!;
      expect(record).toEqual(csvColumns(false).map((column) => (row[column] === null ? "" : String(row[column]))));
    });
    expect(answer.text).toMatch(/"[^"\r\n]*,[^"\r\n]*"/); // addresses with commas are quoted
  });

  it("streams more rows than a page allows, and follows the Accept header", async () => {
    const rows = await ndjson("includeRemoved=true", { Accept: "application/x-ndjson" });
    expect(rows).toHaveLength(seed.counts["gv2022:full"]! + seed.counts["gv2022:sectional"]!);
    const csv = await api.get("/api/valuations?title=sectional", { Accept: "text/csv" });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(parseCsv(csv.text)).toHaveLength(seed.counts["gv2022:sectional"]! + 1);
    const json = await api.get("/api/valuations?limit=1", { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(json.headers.get("content-type")).toBe("application/json");
  });

  it("stops reading when the client goes away", async () => {
    const response = await api.fetchRaw("/api/valuations?format=ndjson&includeRemoved=true");
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    // The export's connection went back to the pool: every client is idle again.
    const pool = api.db.pool;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});

describe("bad input", () => {
  const problems = async (query: string) => {
    const answer = await api.get(`/api/valuations?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    const body = answer.json<{ type: string; errors: { parameter: string; message: string }[] }>();
    expect(body.type).toBe("/problems/invalid-parameters");
    return Object.fromEntries(body.errors.map((error) => [error.parameter, error.message]));
  };

  it("names each bad parameter", async () => {
    expect(await problems("limit=1001&sort=price&minValue=-5&title=both&bogus=1")).toEqual({
      limit: "must be at most 1000",
      sort: "must be one of: the values listed in the API documentation",
      minValue: "must be a whole number (digits only)",
      title: "must be one of: full, sectional",
      bogus: "is not a parameter of this endpoint",
    });
  });

  it("rejects repeated, empty, over-long and control-character values", async () => {
    expect(await problems("limit=5&limit=6")).toEqual({ limit: "is given more than once" });
    expect(await problems("q=")).toHaveProperty("q");
    expect(await problems(`q=${"a".repeat(201)}`)).toEqual({ q: "must have at most 200 characters" });
    expect(await problems("suburb=PINE%00TOWN")).toEqual({ suburb: "must not contain control characters" });
    expect(await problems("limit=0&maxExtent=1.234")).toEqual({ limit: "must be at least 1", maxExtent: "must be a number with at most two decimals (e.g. 1634.5)" });
  });

  it("rejects contradictions", async () => {
    expect(await problems("minValue=10&maxValue=5")).toEqual({ maxValue: "must not be less than minValue" });
    expect(await problems("sort=relevance")).toEqual({ sort: "relevance needs a search (q)" });
    expect(await problems("format=csv&limit=10")).toEqual({ limit: "does not apply to a csv export" });
  });

  it("refuses altered cursors and cursors of another query", async () => {
    const first = await list("sort=marketValue&limit=2");
    const cursor = new URL(first.next!, "http://localhost").searchParams.get("cursor")!;
    const [body, mac] = cursor.split(".");
    // The body is encrypted: flip one of its bits.
    const bytes = Buffer.from(body!, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    const altered = bytes.toString("base64url");
    expect((await problems(`sort=marketValue&limit=2&cursor=${altered}.${mac}`)).cursor).toMatch(/altered/);
    expect((await problems(`sort=-marketValue&limit=2&cursor=${cursor}`)).cursor).toMatch(/was issued for sort=marketValue/);
    expect((await problems(`sort=marketValue&title=full&limit=2&cursor=${cursor}`)).cursor).toMatch(/other filters/);
    expect((await problems("cursor=garbage")).cursor).toBe("is not a cursor this API issued");
    expect((await list(`sort=marketValue&limit=5&cursor=${cursor}`)).data).toHaveLength(5);
  });
});

describe("HTTP behaviour", () => {
  it("revalidates with ETag and If-Modified-Since, and the tag follows the data", async () => {
    const first = await api.get("/api/valuations?limit=3");
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=600");
    expect(first.headers.get("last-modified")).toBe(seed.lastRunFinishedAt.toUTCString());
    expect((await api.get("/api/valuations?limit=3", { "If-None-Match": etag })).status).toBe(304);
    expect((await api.get("/api/valuations?limit=3", { "If-Modified-Since": seed.lastRunFinishedAt.toUTCString() })).status).toBe(304);
    expect((await api.get("/api/valuations?limit=4", { "If-None-Match": etag })).status).toBe(200);
    const json = await api.get("/api/valuations?title=sectional");
    const ndjsonTag = (await api.get("/api/valuations?title=sectional", { Accept: "application/x-ndjson" })).headers.get("etag");
    expect(ndjsonTag).not.toBe(json.headers.get("etag"));
    expect((await api.get("/api/valuations?title=sectional", { Accept: "text/csv", "If-None-Match": json.headers.get("etag")! })).status).toBe(200);

    await api.db.pool.query(
      `INSERT INTO scrape_runs (roll, trigger, status, base_url, options, finished_at) VALUES ('gv2022', 'cli', 'failed', 'http://x/', '{}', now())`,
    );
    const after = await api.get("/api/valuations?limit=3", { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(after.json<ValuationList>().meta.asAt).toBe(seed.lastRunFinishedAt.toISOString());
  });

  it("is open to every origin and carries rate limit headers", async () => {
    const answer = await api.get("/api/valuations?limit=1");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-expose-headers")).toContain("Link");
    expect(Number(answer.headers.get("ratelimit-limit"))).toBe(1_000_000);
    expect(Number(answer.headers.get("ratelimit-remaining"))).toBeLessThan(1_000_000);
    const { OPTIONS } = await import("@/app/api/valuations/route");
    const preflight = await OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });
});
