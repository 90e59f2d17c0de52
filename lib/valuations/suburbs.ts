import { z } from "zod";
import { rollQueryParam } from "@/lib/rolls/roll-param";
import type { RollId } from "@/lib/rolls/roll-id";
import { optionalShape } from "@/lib/api/parse-query";
import { enumParam } from "@/lib/api/query-parameters";
import type { Queryable } from "./queryable";
import { ListMetaSchema } from "./valuation-schema";

// GET /api/suburbs: the suburbs of a roll with how many properties each lists, per title type.

export const suburbsParameters = {
  roll: rollQueryParam,
};

export const suburbsQuerySchema = z.strictObject(optionalShape(suburbsParameters));

export const SuburbSchema = z
  .object({
    id: z.string().meta({ description: "The site's suburb id (use it, or the name, as `suburb=` in /api/valuations)." }),
    name: z.string(),
    counts: z.object({ full: z.int(), sectional: z.int(), total: z.int() }).meta({ description: "Properties listed (removed ones not counted)." }),
  })
  .meta({ id: "Suburb", examples: [{ id: "22136", name: "PINETOWN", counts: { full: 5120, sectional: 2210, total: 7330 } }] });

export const SuburbListSchema = z.object({ data: z.array(SuburbSchema), meta: ListMetaSchema }).meta({ id: "SuburbList" });

export type Suburb = z.infer<typeof SuburbSchema>;

export async function listSuburbs(db: Queryable, roll: RollId): Promise<Suburb[]> {
  const { rows } = await db.query<{ suburb_id: string; suburb_name: string; full: number; sectional: number; total: number }>(
    `SELECT suburb_id, suburb_name,
            count(*) FILTER (WHERE title_type = 'full') AS full,
            count(*) FILTER (WHERE title_type = 'sectional') AS sectional,
            count(*) AS total
       FROM valuations
      WHERE roll = $1 AND removed_at IS NULL
      GROUP BY suburb_id, suburb_name
      ORDER BY suburb_name, suburb_id`,
    [roll],
  );
  return rows.map((row) => ({
    id: row.suburb_id,
    name: row.suburb_name,
    counts: { full: row.full, sectional: row.sectional, total: row.total },
  }));
}
