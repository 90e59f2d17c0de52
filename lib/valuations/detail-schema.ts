import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { rollQueryParam } from "@/lib/rolls/roll-param";
import { optionalShape } from "@/lib/api/parse-query";
import { enumParam, textParam } from "@/lib/api/query-parameters";
import { ListMetaSchema, ValuationSchema } from "./valuation-schema";
import { PropertyRollSchema } from "@/lib/roll-changes/property-rolls";

// GET /api/valuations/{rateNumber}: one property, its change history, and the same rate number on
// the other rolls with the change in value between them.

const dateTime = (description: string) => z.string().meta({ format: "date-time", description });

export const ValuationDetailSchema = ValuationSchema.extend({
  detail: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({
      description:
        "Fields of the site's property profile page (all owners, deeds town, exemptions, rebates, …), when fetched. " +
        "`owners` only when `ownerNames` is `shown`.",
    }),
  detailFetchedAt: dateTime("When the profile page was read.").nullable(),
  ownerNames: z.enum(["shown", "withheld-by-deployment", "withheld-at-owner-request"]).meta({
    description:
      "Whether this resource shows the owners: `shown` (the default deployment, OWNER_NAMES=property, and full), " +
      "`withheld-by-deployment` (OWNER_NAMES=hidden), `withheld-at-owner-request` (the property is on the server's suppression list).",
  }),
}).meta({ id: "ValuationDetail" });

export const ValuationChangeSchema = z
  .object({
    runId: z.int().meta({ description: "The scrape run that saw the change." }),
    kind: z.enum(["added", "changed", "removed", "restored"]),
    fields: z.array(z.string()).meta({
      description: "The displayed cells (or suburbId, pin) that changed. `firstOwner` alone, without names in before and after, reads \"owner changed\".",
    }),
    before: z.record(z.string(), z.unknown()).nullable().meta({
      description:
        "Their values before, as displayed. Never an owner's name, except where the server sets OWNER_NAMES=full, and " +
        "there only for OWNER_HISTORY_DAYS.",
    }),
    after: z.record(z.string(), z.unknown()).nullable().meta({ description: "Their values after, as displayed (owner names as for `before`)." }),
    changedAt: dateTime("When the run recorded it."),
  })
  .meta({ id: "ValuationChange" });

export const ValueChangeSchema = z
  .object({
    from: rollIdSchema.meta({ description: "The older roll." }),
    to: rollIdSchema.meta({ description: "The newer roll." }),
    absolute: z.int().nullable().meta({ description: "Newer minus older market value, in rand; null when either is missing." }),
    percent: z.number().nullable().meta({ description: "That change as a percentage of the older value, one decimal; null when it has none." }),
  })
  .meta({ id: "ValueChange" });

export const OtherRollSchema = z
  .object({
    roll: rollIdSchema,
    titleType: z.enum(["full", "sectional"]),
    marketValue: z.int().nullable(),
    registeredExtent: z.number().nullable(),
    removedAt: dateTime("Set when that roll no longer lists the property.").nullable(),
    href: z.string(),
    valueChange: ValueChangeSchema,
  })
  .meta({ id: "OtherRoll" });

export const ValuationDetailResponseSchema = z
  .object({
    data: ValuationDetailSchema,
    history: z.array(ValuationChangeSchema).meta({ description: "Newest first." }),
    otherRolls: z.array(OtherRollSchema).meta({ description: "The same rate number and title type on the other rolls, newest roll first." }),
    rolls: z.array(PropertyRollSchema).meta({
      description:
        "This property on every roll held, oldest first, followed through rate number changes, subdivisions and consolidations " +
        "(the links between rolls): value, category and the change from the roll before.",
    }),
    meta: ListMetaSchema,
  })
  .meta({ id: "ValuationDetailResponse" });

export type ValuationDetailResponse = z.infer<typeof ValuationDetailResponseSchema>;
export type ValueChange = z.infer<typeof ValueChangeSchema>;

export const detailParameters = {
  roll: rollQueryParam,
  title: enumParam(["full", "sectional"] as const, {
    description: "Full Title or Sectional Title: needed only when both have a property with this rate number.",
    example: "full",
  }),
};

export const detailQuerySchema = z.strictObject(optionalShape(detailParameters));

export const rateNumberPathSchema = textParam({
  maxLength: 32,
  pattern: /^[0-9A-Za-z:]+$/,
  patternMessage: 'must be a rate number (digits, as displayed) or a "PIN:<pin>" key',
  description: 'The rate number as displayed, leading zeros kept, or "PIN:<pin>" for a property listed without one.',
  example: "96251534",
});
