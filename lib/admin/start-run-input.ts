import { z } from "zod";
import { registeredRollSchema } from "@/lib/rolls/roll-param";
import type { RollRegistry } from "@/lib/rolls/roll-registry";

// The body of POST /api/admin/scrape-runs. Deliberately narrow: the site's address and the
// politeness settings come from the server's configuration, never from the request.

/** `registry`: the roll must be one of its rolls (default: the default roll). */
export const startRunInputSchema = (registry: RollRegistry) =>
  z.strictObject({
  roll: registeredRollSchema(registry.ids).default(registry.defaultRoll),
  titleTypes: z.array(z.enum(["full", "sectional"])).min(1).max(2).optional(),
  suburbIds: z
    .array(z.string().regex(/^\d{1,10}$/, "a suburb id is the site's number"))
    .min(1)
    .max(5_000)
    .optional(),
  details: z.boolean().default(false),
  detailsBudget: z.int().min(0).max(1_000_000).optional(),
});

export type StartRunInput = z.output<ReturnType<typeof startRunInputSchema>>;

export const listRunsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().positive().optional(),
});

export const runIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
