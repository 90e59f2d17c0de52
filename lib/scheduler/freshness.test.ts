import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { assessFreshness, lastSuccessfulScrape } from "./freshness";
import { findInterruptedRun, isResumable } from "./interrupted-run";

const now = new Date("2026-11-28T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("assessFreshness", () => {
  it("is fresh within the window and stale beyond it, with the age in hours", () => {
    expect(assessFreshness(hoursAgo(10), now, 36)).toEqual({ fresh: true, lastSuccessAt: hoursAgo(10), ageHours: 10, maxAgeHours: 36 });
    expect(assessFreshness(hoursAgo(36), now, 36).fresh).toBe(true);
    expect(assessFreshness(hoursAgo(36.5), now, 36)).toMatchObject({ fresh: false, ageHours: 36.5 });
  });

  it("is stale when nothing has succeeded yet", () => {
    expect(assessFreshness(null, now, 36)).toEqual({ fresh: false, lastSuccessAt: null, ageHours: null, maxAgeHours: 36 });
  });
});

describe("isResumable", () => {
  const run = { status: "cancelled" as const, wholeRoll: true, startedAt: hoursAgo(3) };
  it("resumes a recent unfinished whole-roll run, whatever stopped it", () => {
    for (const status of ["cancelled", "failed", "running"] as const) expect(isResumable({ ...run, status }, now, 36)).toBe(true);
  });

  it("starts over after a success, for a partial run, and when the run is older than the window", () => {
    expect(isResumable({ ...run, status: "succeeded" }, now, 36)).toBe(false);
    expect(isResumable({ ...run, wholeRoll: false }, now, 36)).toBe(false);
    expect(isResumable({ ...run, startedAt: hoursAgo(37) }, now, 36)).toBe(false);
  });
});

describe("against the database", () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = createDatabase(testDb.url, 2);
  });
  afterAll(async () => {
    await closeDatabase(db);
    await testDb.drop();
  });

  async function run(values: { roll?: string; status: "succeeded" | "failed" | "cancelled" | "running"; wholeRoll: boolean; startedAt: Date; finishedAt?: Date }) {
    return db.prisma.scrapeRun.create({
      data: { roll: values.roll ?? "gv2022", trigger: "cron", baseUrl: "http://sim/", options: {}, status: values.status, wholeRoll: values.wholeRoll, startedAt: values.startedAt, finishedAt: values.finishedAt ?? null },
    });
  }

  it("counts only successful whole-roll runs of the roll as fresh data", async () => {
    expect(await lastSuccessfulScrape(db.pool, "gv2022")).toBeNull();
    await run({ status: "succeeded", wholeRoll: true, startedAt: hoursAgo(30), finishedAt: hoursAgo(28) });
    await run({ status: "succeeded", wholeRoll: false, startedAt: hoursAgo(5), finishedAt: hoursAgo(4) });
    await run({ status: "failed", wholeRoll: true, startedAt: hoursAgo(3), finishedAt: hoursAgo(2) });
    await run({ roll: "gv2017", status: "succeeded", wholeRoll: true, startedAt: hoursAgo(2), finishedAt: hoursAgo(1) });
    expect(await lastSuccessfulScrape(db.pool, "gv2022")).toEqual(hoursAgo(28));
  });

  it("finds the latest whole-roll run when it is unfinished, ignoring partial runs after it", async () => {
    const failed = await db.prisma.scrapeRun.findFirstOrThrow({ where: { roll: "gv2022", status: "failed" } });
    await run({ status: "cancelled", wholeRoll: false, startedAt: hoursAgo(1) });
    expect((await findInterruptedRun(db, "gv2022", now, 36))?.id).toBe(failed.id);
    expect(await findInterruptedRun(db, "gv2022", now, 2)).toBeNull();
    expect(await findInterruptedRun(db, "gv2017", now, 36)).toBeNull();
  });
});
