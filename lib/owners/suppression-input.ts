import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";

// The bodies of the admin's owner-suppression requests. The reason is required (it is what the
// audit log shows); it should say how the request came in, never the owner's name.

const reason = z
  .string()
  .trim()
  .min(3, "say why (at least 3 characters), e.g. how and when the owner asked; not their name")
  .max(500, "must be at most 500 characters");

export const addSuppressionInputSchema = z.strictObject({
  roll: rollIdSchema,
  titleType: z.enum(["full", "sectional"]),
  rateNumber: z.string().trim().regex(/^(\d{1,24}|PIN:\d{1,16})$/, 'must be a rate number (digits, as displayed) or "PIN:<pin>"'),
  reason,
});

export const removeSuppressionInputSchema = z.strictObject({ reason });

export const suppressionIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
