import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, type AdminHarness } from "@/test-support/admin-harness";
import { objectionPeriodState } from "@/lib/objections/objection-facts";

// Objection facts through the admin API: entered with a source, corrected, taken back, audited;
// bad dates and missing sources refused; nothing without signing in.

let harness: AdminHarness;
const TOKEN = { authorization: "Bearer e2e-admin-token", "content-type": "application/json" };

beforeAll(async () => {
  harness = await startAdminHarness({ rows: 50 });
});
afterAll(async () => harness?.close());

const put = (body: unknown, headers: Record<string, string> = TOKEN) => harness.call("PUT", "/api/admin/objection-facts", { headers, body: JSON.stringify(body) });
const auditActions = async () =>
  (await harness.db.pool.query<{ action: string; target: string }>(`SELECT action, target FROM audit_log WHERE action LIKE 'objection-fact.%' ORDER BY id`)).rows;

describe("objection facts", () => {
  it("are entered with their source, corrected, listed and taken back, each step audited", async () => {
    const source = "https://www.durban.gov.za/ notice of 20 February 2026";
    expect((await put({ roll: "gv2022", key: "period-closes", value: "2026-05-16", source })).status).toBe(200);
    const corrected = await put({ roll: "gv2022", key: "period-closes", value: "2026-05-31", source });
    expect(await corrected.json()).toMatchObject({ roll: "gv2022", key: "period-closes", value: "2026-05-31", source, updatedBy: "api token" });
    expect((await put({ roll: "gv2022", key: "contact", value: "Valuations office, 031 311 1111", source })).status).toBe(200);

    const list = (await (await harness.call("GET", "/api/admin/objection-facts", { headers: TOKEN })).json()) as { data: { key: string; value: string }[] };
    expect(list.data.map((fact) => [fact.key, fact.value])).toEqual([
      ["contact", "Valuations office, 031 311 1111"],
      ["period-closes", "2026-05-31"],
    ]);

    const removed = await harness.call("DELETE", "/api/admin/objection-facts", { headers: TOKEN, body: JSON.stringify({ roll: "gv2022", key: "contact" }) });
    expect(removed.status).toBe(204);
    const again = await harness.call("DELETE", "/api/admin/objection-facts", { headers: TOKEN, body: JSON.stringify({ roll: "gv2022", key: "contact" }) });
    expect(again.status).toBe(404);
    expect(await auditActions()).toEqual([
      { action: "objection-fact.save", target: "objection-fact:gv2022/period-closes" },
      { action: "objection-fact.save", target: "objection-fact:gv2022/period-closes" },
      { action: "objection-fact.save", target: "objection-fact:gv2022/contact" },
      { action: "objection-fact.remove", target: "objection-fact:gv2022/contact" },
    ]);
  });

  it("refuses a date that is not a calendar date, a missing source, an unknown fact, and anyone not signed in", async () => {
    const bad = await put({ roll: "gv2022", key: "period-opens", value: "2026-02-30", source: "municipal notice" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("YYYY-MM-DD");
    expect((await put({ roll: "gv2022", key: "contact", value: "031 311 1111", source: "" })).status).toBe(400);
    expect((await put({ roll: "gv2022", key: "deadline", value: "soon", source: "a rumour" })).status).toBe(400);
    expect((await put({ roll: "gv2022", key: "contact", value: "x", source: "municipal notice" }, { "content-type": "application/json" })).status).toBe(401);
  });
});

describe("objectionPeriodState", () => {
  const facts = (opens?: string, closes?: string) => [
    ...(opens ? [{ key: "period-opens" as const, value: opens }] : []),
    ...(closes ? [{ key: "period-closes" as const, value: closes }] : []),
  ];
  it("never guesses a period it has not been given", () => {
    expect(objectionPeriodState(facts(), "2026-03-01")).toBe("unknown");
    expect(objectionPeriodState(facts("2026-02-20"), "2026-03-01")).toBe("unknown");
    expect(objectionPeriodState(facts(undefined, "2026-03-31"), "2026-03-01")).toBe("unknown");
    expect(objectionPeriodState(facts(undefined, "2026-03-31"), "2026-04-01")).toBe("closed");
    expect(objectionPeriodState(facts("2026-02-20", "2026-03-31"), "2026-03-31")).toBe("open");
    expect(objectionPeriodState(facts("2026-02-20", "2026-03-31"), "2026-02-19")).toBe("not-yet-open");
  });
});
