import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { buildFilterConditions } from "./build-filter-conditions";
import { SqlLiterals, sqlLiteral } from "./sql-literal";

const NASTY = [
  "", "PINETOWN", "SS ALEC'S MEWS", "''", "'; DROP TABLE valuations; --", "back\\slash", "\\'", "end\\",
  "$1", "$$dollar$$", "%_like\\%", 'double "quote"', "line\nbreak\r\n", "tab\there", "é ü 😀", "\u2028",
];

describe("SQL literals", () => {
  it("quotes strings, numbers and booleans", () => {
    expect(sqlLiteral("gv2022")).toBe("'gv2022'");
    expect(sqlLiteral("SS ALEC'S MEWS")).toBe("'SS ALEC''S MEWS'");
    expect(sqlLiteral("a\\b")).toBe("E'a\\\\b'");
    expect(sqlLiteral(15)).toBe("'15'");
    expect(sqlLiteral(-1.5)).toBe("'-1.5'");
    expect(sqlLiteral(true)).toBe("'true'");
  });

  it("refuses everything else", () => {
    for (const value of [null, undefined, 1n, {}, [], new Date(0), Number.NaN, Number.POSITIVE_INFINITY, "nul\0"]) {
      expect(() => sqlLiteral(value), String(value)).toThrow(TypeError);
    }
  });

  it("writes parameters as literals, with their casts", () => {
    const literals = new SqlLiterals();
    expect(literals.add("full", "title_type")).toBe("'full'::title_type");
    expect(literals.add(1000, "bigint")).toBe("'1000'::bigint");
    expect(literals.values).toEqual([]);
    expect(() => literals.add(1, "integer; DROP TABLE valuations")).toThrow(TypeError);
    const conditions = buildFilterConditions(
      { roll: "gv2022", includeRemoved: false, q: "o'brien 100%", suburb: "Alec's", minExtent: 2.5, useCode: 15 },
      literals,
      { ownerSearch: true },
    );
    expect(conditions.join(" AND ")).not.toMatch(/\$\d/);
  });

  describe("in PostgreSQL", () => {
    let testDb: TestDatabase;
    let client: pg.Client;
    beforeAll(async () => {
      testDb = await createTestDatabase();
      client = new pg.Client({ connectionString: testDb.url });
      await client.connect();
    });
    afterAll(async () => {
      await client?.end();
      await testDb?.drop();
    });

    it.each(["on", "off"])("reads back every string as written (standard_conforming_strings %s)", async (setting) => {
      await client.query(`SET standard_conforming_strings = ${setting}`);
      for (const value of NASTY) {
        const { rows } = await client.query<{ value: string }>(`SELECT ${sqlLiteral(value)}::text AS value`);
        expect(rows[0]?.value).toBe(value);
      }
      await client.query("RESET standard_conforming_strings");
    });

    it("keeps a negative number whole after a minus sign", async () => {
      const { rows } = await client.query<{ value: number }>(`SELECT 1 -${sqlLiteral(-1)}::integer AS value`);
      expect(rows[0]?.value).toBe(2);
    });
  });
});
