import { z } from "zod";
import type { Queryable } from "@/lib/valuations/queryable";
import { SqlParams } from "@/lib/valuations/sql-params";
import type { RollId } from "@/lib/rolls/roll-id";

// The properties of a linked pair of rolls that have no link: new on the newer roll, gone from the
// older one. What a resident whose property "is missing from the roll" needs: it was consolidated,
// made into a sectional scheme, or is new.

export const UNLINKED_STATUSES = ["new", "gone"] as const;
export type UnlinkedStatus = (typeof UNLINKED_STATUSES)[number];

export const UnlinkedPropertySchema = z
  .object({
    status: z.enum(UNLINKED_STATUSES).meta({ description: "`new`: on the newer roll only; `gone`: on the older roll only." }),
    roll: z.string().meta({ description: "The roll the property is on." }),
    titleType: z.enum(["full", "sectional"]),
    rateNumber: z.string(),
    suburbId: z.string(),
    suburb: z.string(),
    address: z.string(),
    legalDescription: z.string(),
    marketValue: z.int().nullable(),
  })
  .meta({ id: "UnlinkedProperty" });

export type UnlinkedProperty = z.infer<typeof UnlinkedPropertySchema>;

type Row = { id: number; roll: string; title_type: "full" | "sectional"; rate_number: string; suburb_id: string; suburb_name: string; address: string; legal_description: string; market_value: number | null };

/** `roll` is the newer of the pair for `new`, the older for `gone` (the callers order them by the registry). */
export type UnlinkedQuery = { roll: RollId; against: RollId; status: UnlinkedStatus; suburb?: string; limit: number | null; afterId: string | null };

/** The statement for new or gone properties of the pair (roll, against), by internal id. */
export function unlinkedSql(query: UnlinkedQuery): { text: string; values: unknown[] } {
  const params = new SqlParams();
  // New: rows of the newer roll that no link reaches; gone: rows of the older no link leaves.
  const [side, other] = query.status === "new" ? (["to", "from"] as const) : (["from", "to"] as const);
  const conditions = [
    `v.roll = ${params.add(query.roll)}`,
    "v.removed_at IS NULL",
    `NOT EXISTS (SELECT 1 FROM roll_links l WHERE l.${side}_roll = v.roll AND l.${side}_title_type = v.title_type AND l.${side}_rate_number = v.rate_number
                   AND l.${other}_roll = ${params.add(query.against)})`,
  ];
  if (query.suburb !== undefined) {
    conditions.push(/^\d+$/.test(query.suburb) ? `v.suburb_id = ${params.add(query.suburb)}` : `upper(v.suburb_name) = ${params.add(query.suburb.toUpperCase())}`);
  }
  if (query.afterId !== null) conditions.push(`v.id > ${params.add(query.afterId, "bigint")}`);
  return {
    text: `SELECT v.id, v.roll, v.title_type, v.rate_number, v.suburb_id, v.suburb_name, v.address, v.legal_description, v.market_value
             FROM valuations v WHERE ${conditions.join(" AND ")}
            ORDER BY v.id${query.limit === null ? "" : ` LIMIT ${params.add(query.limit, "integer")}`}`,
    values: params.values,
  };
}

export function toUnlinkedProperty(row: Row, status: UnlinkedStatus): UnlinkedProperty {
  return {
    status,
    roll: row.roll,
    titleType: row.title_type,
    rateNumber: row.rate_number,
    suburbId: row.suburb_id,
    suburb: row.suburb_name,
    address: row.address,
    legalDescription: row.legal_description,
    marketValue: row.market_value,
  };
}

export async function unlinkedPage(db: Queryable, query: UnlinkedQuery & { limit: number }): Promise<{ data: UnlinkedProperty[]; nextAfter: string | null }> {
  const sql = unlinkedSql({ ...query, limit: query.limit + 1 });
  const { rows } = await db.query<Row>(sql.text, sql.values);
  const page = rows.slice(0, query.limit);
  return { data: page.map((row) => toUnlinkedProperty(row, query.status)), nextAfter: rows.length > query.limit && page.length > 0 ? String(page.at(-1)?.id) : null };
}

export type { Row as UnlinkedRow };
