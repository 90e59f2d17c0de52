import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { ListMetaSchema } from "@/lib/valuations/valuation-schema";

// GET /api/valuations/{rateNumber}/comparables: the properties a resident would compare theirs with
// before objecting, and where theirs stands among them. The property page shows the same numbers.

const money = (description: string) => z.int().nullable().meta({ description });

const figures = {
  rateNumber: z.string(),
  titleType: z.enum(["full", "sectional"]),
  marketValue: money("Market value on this roll, in rand."),
  registeredExtent: z.number().nullable().meta({ description: "Square metres." }),
  valuePerM2: z.number().nullable().meta({ description: "Market value ÷ extent, in rand; null without both." }),
  previousMarketValue: money("Market value on the previous roll under the same rate number and title type."),
  changePercent: z.number().nullable().meta({ description: "Change from the previous roll, in per cent (one decimal)." }),
};

export const ComparableSchema = z
  .object({
    ...figures,
    sectionNumber: z.string().nullable(),
    address: z.string(),
    legalDescription: z.string(),
    href: z.string().meta({ description: "This comparable's own resource." }),
  })
  .meta({ id: "Comparable" });

export const ComparablesSchema = z
  .object({
    property: z.object(figures),
    previousRoll: rollIdSchema.nullable().meta({ description: "The roll before this one, whose values give the changes; null for the oldest." }),
    basis: z
      .object({
        kind: z.enum(["scheme", "suburb-use"]).meta({
          description: "`scheme`: the other units of the sectional scheme. `suburb-use`: Full Title properties of the same suburb and use, within `extentBand`.",
        }),
        description: z.string().meta({ description: "What they have in common, in plain English." }),
        extentBand: z
          .object({ min: z.number(), max: z.number() })
          .nullable()
          .meta({ description: "The extents (m²) allowed: the narrowest of ±20 %, ±35 %, ±50 %, ½–2× and ¼–4× holding 8 properties; null for a scheme or a property without an extent." }),
      })
      .meta({ description: "How the comparables were chosen." }),
    comparables: z.array(ComparableSchema).meta({ description: "At most 25, nearest in extent first." }),
    standing: z
      .object({
        valuePerM2Percentile: z.number().nullable().meta({ description: "Share of the comparables with a lower value per m² (ties count half), 0–100." }),
        comparedCount: z.int().meta({ description: "Comparables with a value per m²." }),
        medianValuePerM2: z.number().nullable(),
        medianChangePercent: z.number().nullable().meta({ description: "Median change of the comparables on both rolls." }),
        changeComparedCount: z.int(),
        summary: z.array(z.string()).meta({ description: "Where the property stands, in sentences." }),
      })
      .meta({ description: "Where the property stands among them." }),
  })
  .meta({ id: "Comparables" });

export const ComparablesResponseSchema = z.object({ data: ComparablesSchema, meta: ListMetaSchema }).meta({ id: "ComparablesResponse" });

export type Comparable = z.infer<typeof ComparableSchema>;
export type Comparables = z.infer<typeof ComparablesSchema>;
export type ComparablesResponse = z.infer<typeof ComparablesResponseSchema>;
