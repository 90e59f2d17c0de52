import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { TitleType } from "@/lib/generated/prisma/enums";
import { withoutOwner } from "@/lib/owners/redact-owner-names";
import { normaliseRow, type NormalisedValuation } from "../normalise-row";
import type { DisplayedCells } from "@/lib/valuations/displayed-cells";
import { resolveScrapeOptions } from "../scrape-options";
import { createRun, pendingTasks, planTasks } from "./runs";
import { storeTaskResult } from "./store-task-result";

// storeTaskResult against a real PostgreSQL: what each path (a suburb seen for the first time,
// a re-scrape, changes, restores, a property that moved suburb) stores and records as history.

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 4);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
});

beforeEach(async () => {
  await db.pool.query("TRUNCATE valuations, valuation_changes, scrape_tasks, scrape_runs RESTART IDENTITY CASCADE");
});

const SUBURBS: Record<string, string> = { "101": "WESTVILLE", "102": "UMBILO" };

function property(rateNumber: string, suburbId: string, cells: Partial<DisplayedCells> = {}, pin: string | null = `9${rateNumber}`): NormalisedValuation {
  const suburbName = SUBURBS[suburbId]!;
  return normaliseRow(
    {
      pin,
      detailHref: pin === null ? null : `../FramePages/SearchDeatils.aspx?id=${pin}&PType=1&FType=1`,
      cells: {
        rateNumber,
        legalDescription: `ERF ${Number(rateNumber)} of ${suburbName}`,
        address: `${Number(rateNumber)} MAIN ROAD, ${suburbName}`,
        firstOwner: "SMITH JOHN",
        useCode: "Single Residential (15)",
        ratingCategory: "Residential",
        marketValue: "1,830,000",
        registeredExtent: "1,634",
        ...cells,
      },
    },
    { roll: "gv2022", titleType: "full", suburbId, suburbName },
  );
}

/** A run with one task per suburb; returns a function that stores a task's rows as that run. */
async function newRun() {
  const run = await createRun(db, resolveScrapeOptions({ roll: "gv2022", baseUrl: "http://127.0.0.1:1/", trigger: "cli" }));
  const titleType: TitleType = "full";
  await planTasks(db, run.id, Object.entries(SUBURBS).map(([suburbId, suburbName]) => ({ titleType, suburbId, suburbName })), {});
  const tasks = new Map((await pendingTasks(db, run.id)).map((task) => [task.suburbId, task.id]));
  return {
    runId: run.id,
    taskId: (suburbId: string) => tasks.get(suburbId)!,
    store: (suburbId: string, rows: NormalisedValuation[], extra: Partial<Parameters<typeof storeTaskResult>[1]> = {}) =>
      storeTaskResult(db, { runId: run.id, taskId: tasks.get(suburbId)!, roll: "gv2022", titleType, url: "/x", expected: rows.length, rows, ...extra }),
  };
}

async function stored() {
  const { rows } = await db.pool.query(
    `SELECT rate_number, suburb_id, pin, displayed, market_value, first_seen_run_id, last_seen_run_id, removed_at IS NOT NULL AS removed
       FROM valuations ORDER BY rate_number`,
  );
  return rows;
}

async function history(runId: number) {
  const { rows } = await db.pool.query(
    `SELECT v.rate_number, c.kind, c.fields, c.before, c.after FROM valuation_changes c JOIN valuations v ON v.id = c.valuation_id
      WHERE c.run_id = $1 ORDER BY c.id`,
    [runId],
  );
  return rows;
}

describe("storeTaskResult", () => {
  it("stores a suburb seen for the first time, with an added record per row, keyed by the ids it got", async () => {
    const run = await newRun();
    const rows = [property("00000001", "101"), property("00000002", "101", {}, null)];
    expect(await run.store("101", rows)).toEqual({ added: 2, changed: 0, unchanged: 0, restored: 0 });
    expect(await stored()).toEqual([
      expect.objectContaining({ rate_number: "00000001", suburb_id: "101", pin: "900000001", market_value: 1_830_000, first_seen_run_id: run.runId, removed: false }),
      expect.objectContaining({ rate_number: "00000002", pin: null, displayed: rows[1]!.displayed }),
    ]);
    expect(await history(run.runId)).toEqual([
      { rate_number: "00000001", kind: "added", fields: [], before: null, after: { ...withoutOwner(rows[0]!.displayed), suburbId: "101" } },
      { rate_number: "00000002", kind: "added", fields: [], before: null, after: { ...withoutOwner(rows[1]!.displayed), suburbId: "101" } },
    ]);
    const task = await db.prisma.scrapeTask.findFirstOrThrow({ where: { runId: run.runId, suburbId: "101" } });
    expect(task).toMatchObject({ status: "done", parsedRows: 2, rowsAdded: 2, rowsChanged: 0 });
  });

  it("marks an unchanged re-scrape seen and records nothing; storing the same task again changes nothing", async () => {
    const first = await newRun();
    await first.store("101", [property("00000001", "101"), property("00000002", "101")]);
    const second = await newRun();
    expect(await second.store("101", [property("00000001", "101"), property("00000002", "101")])).toEqual({
      added: 0,
      changed: 0,
      unchanged: 2,
      restored: 0,
    });
    expect((await stored()).map((row) => [row.first_seen_run_id, row.last_seen_run_id])).toEqual([
      [first.runId, second.runId],
      [first.runId, second.runId],
    ]);
    expect(await second.store("101", [property("00000001", "101"), property("00000002", "101")])).toEqual({
      added: 0,
      changed: 0,
      unchanged: 2,
      restored: 0,
    });
    expect(await history(second.runId)).toEqual([]);
  });

  it("records a changed row's fields with their values before and after (owner names left out), and adds a new row to a known suburb", async () => {
    const first = await newRun();
    await first.store("101", [property("00000001", "101"), property("00000002", "101")]);
    const second = await newRun();
    const changed = property("00000001", "101", { marketValue: "1,950,000", firstOwner: "NEW OWNER" }, "777");
    const counts = await second.store("101", [changed, property("00000002", "101"), property("00000003", "101")]);
    expect(counts).toEqual({ added: 1, changed: 1, unchanged: 1, restored: 0 });
    expect(await history(second.runId)).toEqual([
      {
        rate_number: "00000001",
        kind: "changed",
        fields: ["firstOwner", "marketValue", "pin"],
        // An owner change without the names (OWNER_NAMES is not full here).
        before: { marketValue: "1,830,000", pin: "900000001" },
        after: { marketValue: "1,950,000", pin: "777" },
      },
      { rate_number: "00000003", kind: "added", fields: [], before: null, after: { ...withoutOwner(property("00000003", "101").displayed), suburbId: "101" } },
    ]);
    expect((await stored())[0]).toMatchObject({ market_value: 1_950_000, pin: "777", first_seen_run_id: first.runId, last_seen_run_id: second.runId });
  });

  it("restores a removed row with the fields that changed while it was gone", async () => {
    const first = await newRun();
    await first.store("101", [property("00000001", "101"), property("00000002", "101")]);
    await db.pool.query("UPDATE valuations SET removed_at = now() WHERE rate_number IN ('00000001', '00000002')");
    const second = await newRun();
    const counts = await second.store("101", [property("00000001", "101"), property("00000002", "101", { marketValue: "2,000,000" })]);
    expect(counts).toEqual({ added: 0, changed: 0, unchanged: 0, restored: 2 });
    expect(await history(second.runId)).toEqual([
      { rate_number: "00000001", kind: "restored", fields: [], before: {}, after: {} },
      { rate_number: "00000002", kind: "restored", fields: ["marketValue"], before: { marketValue: "1,830,000" }, after: { marketValue: "2,000,000" } },
    ]);
    expect((await stored()).every((row) => !row.removed)).toBe(true);
  });

  it("records a property that moved to a suburb seen for the first time as changed, not added", async () => {
    const first = await newRun();
    await first.store("101", [property("00000001", "101"), property("00000002", "101")]);
    const second = await newRun();
    const moved = property("00000002", "102");
    const counts = await second.store("102", [property("00000005", "102"), moved]);
    expect(counts).toEqual({ added: 1, changed: 1, unchanged: 0, restored: 0 });
    expect(await history(second.runId)).toEqual([
      { rate_number: "00000005", kind: "added", fields: [], before: null, after: { ...withoutOwner(property("00000005", "102").displayed), suburbId: "102" } },
      {
        rate_number: "00000002",
        kind: "changed",
        fields: ["legalDescription", "address", "suburbId"],
        before: { legalDescription: "ERF 2 of WESTVILLE", address: "2 MAIN ROAD, WESTVILLE", suburbId: "101" },
        after: { legalDescription: "ERF 2 of UMBILO", address: "2 MAIN ROAD, UMBILO", suburbId: "102" },
      },
    ]);
    expect((await stored()).map((row) => [row.rate_number, row.suburb_id])).toEqual([
      ["00000001", "101"],
      ["00000002", "102"],
      ["00000005", "102"],
    ]);
  });

  it("falls back cleanly when the unique key stops a large first-sight COPY early", async () => {
    const first = await newRun();
    await first.store("101", [property("00000001", "101")]);
    const second = await newRun();
    // The conflict is in the first rows; megabytes of the COPY are still to be sent when it fails.
    const rows = [property("00000001", "102"), ...Array.from({ length: 20_000 }, (_, i) => property(String(10_000_000 + i), "102"))];
    expect(await second.store("102", rows)).toEqual({ added: 20_000, changed: 1, unchanged: 0, restored: 0 });
    const { rows: count } = await db.pool.query("SELECT count(*)::int AS n FROM valuation_changes WHERE run_id = $1", [second.runId]);
    expect(count[0].n).toBe(20_001);
  });

  it("keeps the last of a rate number listed twice in one answer", async () => {
    const run = await newRun();
    const counts = await run.store("101", [property("00000001", "101"), property("00000001", "101", { marketValue: "5" })]);
    expect(counts).toEqual({ added: 1, changed: 0, unchanged: 0, restored: 0 });
    expect((await stored()).map((row) => row.market_value)).toEqual([5]);
  });

  it("stores cells with tabs, newlines, backslashes and quotes exactly", async () => {
    const run = await newRun();
    const odd = property("00000001", "101", { firstOwner: 'O\'BRIEN "JACK"\\ \t TRUST\r\nNO. 2' });
    await run.store("101", [odd]);
    const [row] = await stored();
    expect(row.displayed.firstOwner).toBe(odd.displayed.firstOwner);
    const { rows } = await db.pool.query("SELECT first_owner, search_text FROM valuations");
    expect(rows[0]).toEqual({ first_owner: odd.firstOwner, search_text: odd.searchText });
  });

  it("stores nothing of a task that fails, and the task can be stored again", async () => {
    const run = await newRun();
    const bad = { ...property("00000002", "101"), useCode: 2 ** 40 };
    await expect(run.store("101", [property("00000001", "101"), bad])).rejects.toThrow(/out of range/);
    // A value this process cannot write stops the COPY from this side.
    const unwritable = { ...property("00000002", "101"), registeredExtent: Number.NaN };
    await expect(run.store("101", [property("00000001", "101"), unwritable])).rejects.toThrow(/NaN/);
    expect(await stored()).toEqual([]);
    expect(await run.store("101", [property("00000001", "101")])).toEqual({ added: 1, changed: 0, unchanged: 0, restored: 0 });
  });

  it("records how the task was verified, rows recovered, odd cells (a few as examples) and the detail link as given", async () => {
    const run = await newRun();
    const odd = Array.from({ length: 4 }, (_, i) => ({ rateNumber: `0000000${i}`, column: "marketValue" as const, text: "NaN" }));
    await run.store("101", [property("00000001", "101")], { verifiedBy: "volumes", recovered: 1, oddCells: odd });
    await run.store("102", [property("00000002", "102")], { verifiedBy: "small", oddCells: odd });
    const task = await db.prisma.scrapeTask.findUniqueOrThrow({ where: { id: run.taskId("101") } });
    expect(task.verifiedBy).toBe("volumes");
    const stored = await db.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(stored).toMatchObject({ rowsRecovered: 1, oddCells: 8 });
    expect(stored.oddCellExamples).toEqual([...odd, odd[0]]);
    const { rows } = await db.pool.query("SELECT detail_href FROM valuations WHERE rate_number = '00000001'");
    expect(rows[0].detail_href).toBe("../FramePages/SearchDeatils.aspx?id=900000001&PType=1&FType=1");

    // A later run keeps the link current, without calling it a change of the property.
    const second = await newRun();
    const moved = { ...property("00000001", "101"), detailHref: "../FramePages/SearchDeatils.aspx?id=900000001&PType=5&FType=2" };
    expect(await second.store("101", [moved])).toEqual({ added: 0, changed: 0, unchanged: 1, restored: 0 });
    const { rows: after } = await db.pool.query("SELECT detail_href FROM valuations WHERE rate_number = '00000001'");
    expect(after[0].detail_href).toBe(moved.detailHref);
  });
});
