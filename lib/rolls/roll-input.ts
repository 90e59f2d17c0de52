import { z } from "zod";
import { RollKind, RollStatus } from "@/lib/generated/prisma/enums";
import { rollIdSchema } from "./roll-id-schema";

// The bodies of POST /api/admin/rolls (a new roll) and PATCH /api/admin/rolls/{id} (some of its
// fields). Dates are calendar dates (YYYY-MM-DD); a base URL gets its trailing slash here, as the
// scraper joins page names onto it.

const date = z.iso.date({ error: "must be a date such as 2026-07-01" });
const baseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL such as http://valuation2026.durban.gov.za/" })
  .transform((url) => (url.endsWith("/") ? url : `${url}/`));

const fields = {
  label: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters"),
  baseUrl: baseUrl.nullable(),
  valuationDate: date.nullable(),
  effectiveFrom: date,
  effectiveTo: date.nullable(),
  kind: z.enum(RollKind),
  status: z.enum(RollStatus),
};

/** Problems with the dates of a roll as it would be saved. */
export function datesProblem(roll: { effectiveFrom: string; effectiveTo: string | null }): string | null {
  return roll.effectiveTo !== null && roll.effectiveTo < roll.effectiveFrom ? "must not be before effectiveFrom" : null;
}

export const addRollInputSchema = z
  .strictObject({
    id: rollIdSchema,
    ...fields,
    baseUrl: fields.baseUrl.default(null),
    valuationDate: fields.valuationDate.default(null),
    effectiveTo: fields.effectiveTo.default(null),
    kind: fields.kind.default("general"),
    status: fields.status.default("planned"),
  })
  .superRefine((roll, ctx) => {
    const problem = datesProblem(roll);
    if (problem) ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: problem });
  });

export type AddRollInput = z.output<typeof addRollInputSchema>;

export const editRollInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "give at least one field to change");

export type EditRollInput = z.output<typeof editRollInputSchema>;
