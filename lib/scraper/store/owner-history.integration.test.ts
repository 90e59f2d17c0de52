import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createLogger } from "@/lib/log";
import { mutationsBetween } from "@/lib/simulator/mutate-site";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { normaliseRow } from "../normalise-row";
import { runScrape } from "../run-scrape";
import { resolveScrapeOptions } from "../scrape-options";
import { expectedRows } from "../testing/expected-rows";
import { upsertValuations } from "./upsert-valuations";

// History without owner names: a scrape of the simulated site, then of its next generation (owner
// changes among the mutations), under the default OWNER_NAMES; the store keeping names only when
// told to (OWNER_NAMES=full); and the migration that takes names out of existing history.

const log = createLogger({}, { level: "silent" });
let sim: Simulator;
let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  sim = await startSimulator({ rows: 2_000, seed: 11 });
  testDb = await createTestDatabase();
  db = createDatabase(testDb.url, 4);
});

afterAll(async () => {
  await closeDatabase(db);
  await testDb.drop();
  await sim.close();
});

function scrape() {
  const options = resolveScrapeOptions({ roll: "gv2022", baseUrl: sim.url, delayMs: 0, concurrency: 4, retries: 2, timeoutMs: 2_000 });
  return runScrape({ db, options, log, heartbeatMs: 200 });
}

/** Every owner name the simulated site has shown on gv2022, in either generation. */
function ownerNames(...sites: Simulator["site"][]): Set<string> {
  const names = new Set<string>();
  for (const site of sites) {
    for (const row of expectedRows(site.rolls.gv2022).values()) if (row.first_owner) names.add(row.first_owner);
  }
  return names;
}

async function historyText(): Promise<string[]> {
  const { rows } = await db.pool.query<{ text: string }>(`SELECT coalesce(before::text, '') || ' ' || coalesce(after::text, '') AS text FROM valuation_changes`);
  return rows.map((row) => row.text);
}

describe("a scrape under the default OWNER_NAMES", () => {
  it("records added, changed and removed rows without any owner name, and an owner change as fields [firstOwner]", async () => {
    const first = await scrape();
    expect(first.status).toBe("succeeded");
    const previous = sim.site;
    sim.setGeneration(1);
    const mutations = mutationsBetween(previous, sim.site);
    const ownerChanges = mutations.filter((m) => m.kind === "changed" && m.cells?.includes("firstOwner"));
    expect(ownerChanges.length).toBeGreaterThan(0);
    expect(mutations.some((m) => m.kind === "removed")).toBe(true);

    const second = await scrape();
    expect(second.status).toBe("succeeded");
    const { rows: recorded } = await db.pool.query<{ fields: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
      `SELECT fields, before, after FROM valuation_changes WHERE run_id = $1 AND 'firstOwner' = ANY(fields)`,
      [second.runId],
    );
    expect(recorded).toHaveLength(ownerChanges.length);
    for (const change of recorded) {
      expect(change.before).not.toHaveProperty("firstOwner");
      expect(change.after).not.toHaveProperty("firstOwner");
    }
    const { rows: kinds } = await db.pool.query<{ kind: string }>(`SELECT DISTINCT kind::text FROM valuation_changes ORDER BY 1`);
    expect(kinds.map((row) => row.kind)).toEqual(["added", "changed", "removed"]);
    const { rows: named } = await db.pool.query(`SELECT id FROM valuation_changes WHERE before ? 'firstOwner' OR after ? 'firstOwner'`);
    expect(named).toEqual([]);

    const names = ownerNames(previous, sim.site);
    expect(names.size).toBeGreaterThan(100);
    const leaks = (await historyText()).filter((text) => [...names].some((name) => text.includes(name)));
    expect(leaks).toEqual([]);
    // The current owners stay on the rows: a property's own page shows them.
    const { rows: owned } = await db.pool.query(`SELECT count(*)::int AS n FROM valuations WHERE first_owner IS NOT NULL`);
    expect(owned[0].n).toBeGreaterThan(1_000);
  });
});

describe("the store under OWNER_NAMES=full", () => {
  it("keeps the names of an owner change when told to", async () => {
    const { rows: run } = await db.pool.query<{ id: number }>(
      `INSERT INTO scrape_runs (roll, trigger, base_url, options) VALUES ('gv2012', 'cli', 'http://x/', '{}') RETURNING id`,
    );
    const row = (owner: string) =>
      normaliseRow(
        {
          pin: "1",
          cells: {
            rateNumber: "00000001", legalDescription: "ERF 1 of WESTVILLE", address: "1 MAIN ROAD, WESTVILLE", firstOwner: owner,
            useCode: "Single Residential (15)", ratingCategory: "Residential", marketValue: "1,830,000", registeredExtent: "1,634",
          },
        },
        { roll: "gv2012", titleType: "full", suburbId: "101", suburbName: "WESTVILLE" },
      );
    const runId = run[0]!.id;
    const client = await db.pool.connect();
    try {
      for (const owner of ["SMITH JOHN", "DLAMINI THANDO"]) {
        await client.query("BEGIN");
        await upsertValuations(client, { runId, roll: "gv2012", titleType: "full", rows: [row(owner)], keepOwnerNames: true });
        await client.query("COMMIT");
      }
    } finally {
      client.release();
    }
    const { rows } = await db.pool.query(
      `SELECT c.kind, c.fields, c.before, c.after FROM valuation_changes c JOIN valuations v ON v.id = c.valuation_id
        WHERE v.roll = 'gv2012' ORDER BY c.id`,
    );
    expect(rows[0]).toMatchObject({ kind: "added", after: { firstOwner: "SMITH JOHN" } });
    expect(rows[1]).toEqual({ kind: "changed", fields: ["firstOwner"], before: { firstOwner: "SMITH JOHN" }, after: { firstOwner: "DLAMINI THANDO" } });
  });
});

describe("the migration that takes owner names out of history", () => {
  it("deletes every name from before and after, keeps the rest of each record and the current owners", async () => {
    const [migration] = readdirSync(path.join(process.cwd(), "prisma", "migrations")).filter((name) => name.endsWith("_owner_names_out_of_history"));
    const sql = readFileSync(path.join(process.cwd(), "prisma", "migrations", migration!, "migration.sql"), "utf8");
    expect(sql).toMatch(/DELETES DATA/);
    // History as it was written before: names in added, changed and removed records.
    await db.pool.query(
      `INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, before, after)
       SELECT v.id, (SELECT max(id) FROM scrape_runs), k.kind::change_kind, k.fields, k.before, k.after
         FROM (SELECT id FROM valuations WHERE roll = 'gv2022' ORDER BY id LIMIT 1) v,
              (VALUES ('added', '{}'::text[], NULL::jsonb, '{"firstOwner": "OLD NAME ONE", "address": "1 MAIN ROAD"}'::jsonb),
                      ('changed', '{firstOwner,marketValue}', '{"firstOwner": "OLD NAME ONE", "marketValue": "1"}', '{"firstOwner": "OLD NAME TWO", "marketValue": "2"}'),
                      ('removed', '{}', '{"firstOwner": "OLD NAME TWO", "address": "1 MAIN ROAD"}', NULL)) AS k(kind, fields, before, after)`,
    );
    const owners = (await db.pool.query(`SELECT count(first_owner)::int AS n FROM valuations`)).rows[0].n;
    await db.pool.query(sql);
    const { rows } = await db.pool.query(`SELECT kind::text, fields, before, after FROM valuation_changes WHERE before::text LIKE '%OLD NAME%' OR after::text LIKE '%OLD NAME%'`);
    expect(rows).toEqual([]);
    const { rows: kept } = await db.pool.query(
      `SELECT kind::text, fields, before, after FROM valuation_changes WHERE fields = '{firstOwner,marketValue}' OR before->>'address' = '1 MAIN ROAD' OR after->>'address' = '1 MAIN ROAD' ORDER BY id`,
    );
    expect(kept).toEqual([
      { kind: "added", fields: [], before: null, after: { address: "1 MAIN ROAD" } },
      { kind: "changed", fields: ["firstOwner", "marketValue"], before: { marketValue: "1" }, after: { marketValue: "2" } },
      { kind: "removed", fields: [], before: { address: "1 MAIN ROAD" }, after: null },
    ]);
    expect((await db.pool.query(`SELECT count(first_owner)::int AS n FROM valuations`)).rows[0].n).toBe(owners);
  });
});
