import pg from "pg";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { TitleType } from "@/lib/generated/prisma/enums";
import type { Prisma, Valuation as ValuationModel } from "@/lib/generated/prisma/client";
import {
  API_FIELD_NAMES,
  CSV_FIELD_NAMES,
  VALUATION_FIELDS,
  type ApiFieldName,
  type FieldName,
  type FieldValue,
  type RowOf,
  type ValuationField,
} from "./valuation-fields";
import type { Valuation } from "./valuation-schema";

// The declaration of the fields agrees with the Prisma model (by type: `tsc` fails when a field's
// type or nullability differs, or when the model gains or loses a field), with the table the
// migrations make (by column), and with the API's schema (by type).

type Fields = typeof VALUATION_FIELDS;

/** Each field type as the Prisma client types it. */
type PrismaValues = {
  roll: string;
  title_type: TitleType;
  text: string;
  integer: number;
  bigint: bigint;
  numeric: Prisma.Decimal;
  boolean: boolean;
  timestamptz: Date;
  displayed: Prisma.JsonValue;
  json: Prisma.JsonValue;
};
type PrismaValue<F extends ValuationField> = PrismaValues[F["type"]] | (F["nullable"] extends true ? null : never);

/** Each field type as PostgreSQL names it (information_schema.columns.udt_name). */
const UDT_NAMES: Record<ValuationField["type"], string[]> = {
  roll: ["varchar"],
  title_type: ["title_type"],
  text: ["text", "varchar"],
  integer: ["int4"],
  bigint: ["int8"],
  numeric: ["numeric"],
  boolean: ["bool"],
  timestamptz: ["timestamptz"],
  displayed: ["jsonb"],
  json: ["jsonb"],
};

/** A field's value in the API's JSON: timestamps as ISO text; a roll is one of ROLLS there. */
type JsonValue<N extends ApiFieldName> = N extends "roll" ? Valuation["roll"] : FieldValue<N> extends infer V ? (V extends Date ? string : V) : never;

describe("the valuation fields", () => {
  it("are the Prisma model's fields, with its types and nullability", () => {
    expectTypeOf<{ [N in FieldName]: PrismaValue<Fields[N]> }>().toEqualTypeOf<ValuationModel>();
  });

  it("type the API's JSON as its schema does", () => {
    expectTypeOf<{ [N in Exclude<ApiFieldName, "displayed">]: JsonValue<N> }>().toEqualTypeOf<Omit<Required<Valuation>, "href" | "displayed">>();
    expectTypeOf<Required<Valuation["displayed"]>>().toEqualTypeOf<FieldValue<"displayed">>();
  });

  it("make every field of the API that is one value a CSV column, in the JSON's order", () => {
    expect(CSV_FIELD_NAMES).toEqual(API_FIELD_NAMES.filter((name) => name !== "displayed"));
  });

  describe("against the migrated table", () => {
    let testDb: TestDatabase;
    type Column = { column_name: string; udt_name: string; is_nullable: "YES" | "NO" };
    let columns: Map<string, Column>;

    beforeAll(async () => {
      testDb = await createTestDatabase();
      const client = new pg.Client({ connectionString: testDb.url });
      await client.connect();
      try {
        const { rows } = await client.query<Column>(
          `SELECT column_name, udt_name, is_nullable FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'valuations'`,
        );
        columns = new Map(rows.map((row) => [row.column_name, row]));
      } finally {
        await client.end();
      }
    });

    afterAll(async () => {
      await testDb?.drop();
    });

    it("name every column once, with its type and nullability", () => {
      const declared = Object.values(VALUATION_FIELDS) as ValuationField[];
      expect(declared.map((field) => field.column).sort()).toEqual([...columns.keys()].sort());
      for (const field of declared) {
        const column = columns.get(field.column)!;
        expect(UDT_NAMES[field.type], field.column).toContain(column.udt_name);
        expect(column.is_nullable === "YES", field.column).toBe(field.nullable);
      }
    });

    // node-pg gives BIGINT and NUMERIC as strings unless a type parser says otherwise: the app's
    // (lib/db/client.ts) does, and RowOf types them as numbers because of it.
    it("arrive from pg as RowOf types them: BIGINT and NUMERIC as numbers, through the app's type parsers", async () => {
      await import("@/lib/db/client");
      const client = new pg.Client({ connectionString: testDb.url });
      await client.connect();
      try {
        const values = { market_value: 1_830_000, registered_extent: 1634.55, use_code: 15, last_changed_at: "2026-12-03T08:00:00Z" };
        const { rows } = await client.query<RowOf<"marketValue" | "registeredExtent" | "useCode" | "lastChangedAt">>(
          `SELECT (r).market_value, (r).registered_extent, (r).use_code, (r).last_changed_at
             FROM (SELECT jsonb_populate_record(NULL::valuations, $1::jsonb) AS r) typed`,
          [JSON.stringify(values)],
        );
        expect(rows[0]).toEqual({ ...values, last_changed_at: new Date(values.last_changed_at) });
      } finally {
        await client.end();
      }
    });
  });
});
