import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { seedValuations } from "@/lib/valuations/testing/seed";

// Exports cannot starve the API: they run on their own pool, a bounded number at a time (per
// process and per client), and one whose reader stops reading is ended and its connection given
// back. Ten CSV exports (a COPY each, holding its connection until the last byte is read) are opened
// and never read, on an API whose own pool has three connections.

let api: ApiHarness;
let ready: { GET: () => Promise<Response> };

type Pools = { database: { max: number; inUse: number; waiting: number }; exports: { max: number; inUse: number; waiting: number; slotsInUse: number } };

beforeAll(async () => {
  api = await startApiHarness({
    DATABASE_POOL_SIZE: "3",
    DATABASE_STATEMENT_TIMEOUT_MS: "20000",
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "45000",
    EXPORT_MAX_CONCURRENT: "10",
    EXPORT_MAX_PER_CLIENT: "5",
    EXPORT_STALL_TIMEOUT_SECONDS: "3",
    RATE_LIMIT_PER_MINUTE: "100000",
    RATE_LIMIT_EXPORTS_PER_MINUTE: "100000",
  });
  await seedValuations(api.db);
  ready = (await import("@/app/api/ready/route")) as unknown as typeof ready;
});
afterAll(async () => api?.close());

async function pools(): Promise<Pools> {
  return ((await (await ready.GET()).json()) as { pools: Pools }).pools;
}

async function waitFor<T>(what: string, probe: () => Promise<T | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A request timeout (not a latency figure): an API starved of connections would never answer. */
function answersWithin<T>(ms: number, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}

function exportFrom(client: string, format = "csv") {
  return api.fetchRaw(`/api/valuations?format=${format}`, { headers: { "X-Forwarded-For": client } });
}

describe("exports and the connection pools", () => {
  it("runs the API's reads under DATABASE_STATEMENT_TIMEOUT_MS and every connection under the idle-in-transaction timeout", async () => {
    const { rows } = await api.db.pool.query<{ statement_timeout: string; idle: string }>(
      "SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('idle_in_transaction_session_timeout') AS idle",
    );
    expect(rows[0]).toEqual({ statement_timeout: "20s", idle: "45s" });
  });

  it("ten stalled exports leave the API answering, the eleventh is refused, /api/ready shows the saturation, and the stall ends them", async () => {
    const stalled: Response[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await exportFrom(i < 5 ? "203.0.113.1" : "203.0.113.2");
      expect(response.status).toBe(200);
      stalled.push(response);
    }
    const full = await waitFor("ten export connections in use", async () => {
      const now = await pools();
      return now.exports.inUse === 10 && now;
    });
    expect(full.exports).toMatchObject({ max: 10, slotsInUse: 10 });
    expect(full.database).toMatchObject({ max: 3, waiting: 0 });

    const suburbs = await answersWithin(10_000, api.get("/api/suburbs"));
    expect(suburbs.status).toBe(200);
    expect(suburbs.json<{ data: unknown[] }>().data.length).toBeGreaterThan(0);
    expect((await answersWithin(10_000, api.get("/api/valuations?limit=5"))).status).toBe(200);

    const eleventh = await api.get("/api/valuations?format=csv", { "X-Forwarded-For": "203.0.113.3" });
    expect(eleventh.status).toBe(503);
    expect(eleventh.headers.get("content-type")).toBe("application/problem+json");
    expect(eleventh.json<{ type: string }>().type).toBe("/problems/exports-busy");
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);

    // Nobody reads: after EXPORT_STALL_TIMEOUT_SECONDS each export is ended and its connection released.
    await waitFor("the stalled exports to be ended", async () => {
      const now = await pools();
      return now.exports.slotsInUse === 0 && now.exports.inUse === 0 && now;
    });
    await expect(stalled[0]!.text()).rejects.toThrow();
    await expect(stalled[1]!.text()).rejects.toThrow();

    // And a reader that reads gets the whole export.
    const whole = await exportFrom("203.0.113.3", "ndjson");
    const lines = (await whole.text()).trim().split("\n");
    const total = (await api.get("/api/valuations?limit=1&total=true")).json<{ total: number }>().total;
    expect(lines).toHaveLength(total);
  });

  it("a client holding its share of exports gets 429 for another; other clients still get theirs", async () => {
    const held: Response[] = [];
    for (let i = 0; i < 5; i += 1) held.push(await exportFrom("198.51.100.7"));
    const sixth = await api.get("/api/valuations?format=csv", { "X-Forwarded-For": "198.51.100.7" });
    expect(sixth.status).toBe(429);
    expect(sixth.json<{ type: string }>().type).toBe("/problems/too-many-exports");
    const other = await exportFrom("198.51.100.8");
    expect(other.status).toBe(200);
    await other.text();
    // A reader that leaves early frees its slot at once.
    for (const response of held) await response.body!.cancel();
    await waitFor("the cancelled exports' slots", async () => (await pools()).exports.slotsInUse === 0);
    const again = await exportFrom("198.51.100.7");
    expect(again.status).toBe(200);
    await again.text();
  });
});
