import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, type AdminHarness } from "@/test-support/admin-harness";
import type { OwnerSuppression } from "@/lib/generated/prisma/client";
import type { ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";

// The owner suppression list through the admin API: added and removed with a reason, audited,
// refused without one, for a property not on the roll, twice, or without signing in; and the
// public detail resource withholds the owners while the entry stands.

let harness: AdminHarness;
let seed: SeedSummary;
let detailRoute: { GET: (request: Request, context: { params: Promise<{ rateNumber: string }> }) => Promise<Response> };
const TOKEN = { authorization: "Bearer e2e-admin-token", "content-type": "application/json" };

beforeAll(async () => {
  harness = await startAdminHarness({ rows: 200 });
  seed = await seedValuations(harness.db);
  detailRoute = (await import("@/app/api/valuations/[rateNumber]/route")) as never;
});

afterAll(async () => harness?.close());

async function publicDetail(rateNumber: string): Promise<ValuationDetailResponse> {
  const response = await detailRoute.GET(new Request(`http://localhost/api/valuations/${rateNumber}?title=full`), { params: Promise.resolve({ rateNumber }) });
  expect(response.status).toBe(200);
  return (await response.json()) as ValuationDetailResponse;
}

const add = (body: unknown, headers: Record<string, string> = TOKEN) =>
  harness.call("POST", "/api/admin/owner-suppressions", { headers, body: JSON.stringify(body) });

describe("the owner suppression list", () => {
  it("withholds a property's owners once added, audited with the reason, and shows them again once removed", async () => {
    const rateNumber = seed.crossRoll;
    expect((await publicDetail(rateNumber)).data.ownerNames).toBe("shown");

    const added = await add({ roll: "gv2022", titleType: "full", rateNumber, reason: "owner asked by e-mail, ref 2026-041" });
    expect(added.status).toBe(201);
    const entry = (await added.json()) as OwnerSuppression;
    expect(entry).toMatchObject({ roll: "gv2022", titleType: "full", rateNumber, reason: "owner asked by e-mail, ref 2026-041", createdBy: "api token" });
    const withheld = await publicDetail(rateNumber);
    expect(withheld.data).toMatchObject({ ownerNames: "withheld-at-owner-request", firstOwner: null });

    const list = await harness.call("GET", "/api/admin/owner-suppressions", { headers: TOKEN });
    expect(((await list.json()) as { data: OwnerSuppression[] }).data.map((row) => row.rateNumber)).toEqual([rateNumber]);
    expect((await add({ roll: "gv2022", titleType: "full", rateNumber, reason: "asked again" })).status).toBe(409);

    const removed = await harness.call("DELETE", `/api/admin/owner-suppressions/${entry.id}`, { headers: TOKEN, body: JSON.stringify({ reason: "owner withdrew the request" }) });
    expect(removed.status).toBe(200);
    expect((await publicDetail(rateNumber)).data.ownerNames).toBe("shown");
    expect((await harness.call("DELETE", `/api/admin/owner-suppressions/${entry.id}`, { headers: TOKEN, body: JSON.stringify({ reason: "again" }) })).status).toBe(404);

    const audit = await harness.db.prisma.auditLog.findMany({ where: { action: { startsWith: "owner-suppression." } }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, row.outcome, row.target, (row.details as { reason?: string } | null)?.reason])).toEqual([
      ["owner-suppression.add", "ok", `property:gv2022/full/${rateNumber}`, "owner asked by e-mail, ref 2026-041"],
      ["owner-suppression.add", "refused", `property:gv2022/full/${rateNumber}`, "asked again"],
      ["owner-suppression.remove", "ok", `property:gv2022/full/${rateNumber}`, "owner withdrew the request"],
    ]);
  });

  it("refuses an entry without a reason, for a property not on the roll, and without signing in", async () => {
    const noReason = await add({ roll: "gv2022", titleType: "full", rateNumber: seed.crossRoll, reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("reason");
    expect((await add({ roll: "gv2022", titleType: "full", rateNumber: "99999999", reason: "owner asked" })).status).toBe(404);
    expect((await add({ roll: "gv2022", titleType: "full", rateNumber: seed.crossRoll, reason: "owner asked" }, { "content-type": "application/json" })).status).toBe(401);
    const removeWithoutReason = await harness.call("DELETE", "/api/admin/owner-suppressions/1", { headers: TOKEN, body: "{}" });
    expect(removeWithoutReason.status).toBe(400);
    expect(await harness.db.prisma.ownerSuppression.count()).toBe(0);
  });
});
