import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id";

// What the API answers for one property on one roll: the typed fields, the parts parsed out of
// the legal description and the address, and the eight cells exactly as the site displays them.
// The same schema types the serialiser and documents the API (lib/openapi).

const dateTime = (description: string) => z.string().meta({ format: "date-time", description });

/** Where owner names appear, by the deployment's OWNER_NAMES (lib/owners/owner-policy.ts). */
export const OWNER_PRESENCE =
  "Personal data, so present only where the deployment allows it: in list rows and exports only when the server sets " +
  "OWNER_NAMES=full (the municipality's own deployment); on a property's own detail resource under OWNER_NAMES=property " +
  "(the default) and full; never under OWNER_NAMES=hidden. Null when the owner's name is withheld at their request.";

export const DisplayedCellsSchema = z
  .object({
    rateNumber: z.string(),
    legalDescription: z.string(),
    address: z.string(),
    firstOwner: z.string().optional().meta({ description: OWNER_PRESENCE }),
    useCode: z.string(),
    ratingCategory: z.string(),
    marketValue: z.string(),
    registeredExtent: z.string(),
  })
  .meta({
    id: "DisplayedCells",
    description: "The eight cells of the site's results table, exactly as displayed (trimmed): the provenance of every typed field.",
  });

export const ValuationSchema = z
  .object({
    roll: rollIdSchema.meta({ description: "The valuation roll." }),
    titleType: z.enum(["full", "sectional"]).meta({ description: "Full Title or Sectional Title." }),
    rateNumber: z.string().meta({
      description: 'As displayed, leading zeros kept. Properties the site lists without one are keyed "PIN:<pin>".',
    }),
    pin: z.string().nullable().meta({ description: "The site's own id of the property profile page." }),
    suburbId: z.string().meta({ description: "The site's id of the suburb the property is listed under." }),
    suburbName: z.string(),
    legalDescription: z.string(),
    erfNumber: z.string().nullable().meta({ description: "Parsed from the legal description." }),
    portionNumber: z.string().nullable(),
    isRemainder: z.boolean().meta({ description: 'True for a remainder ("REM of …").' }),
    township: z.string().nullable().meta({ description: "Township or farm of the legal description." }),
    isFarm: z.boolean(),
    schemeName: z.string().nullable().meta({ description: "Sectional scheme, for Sectional Title." }),
    sectionNumber: z.string().nullable(),
    address: z.string().meta({ description: "As a person reads it: the site's padding collapsed." }),
    streetNumber: z.string().nullable(),
    streetName: z.string().nullable(),
    locality: z.string().nullable(),
    firstOwner: z
      .string()
      .nullable()
      .optional()
      .meta({ description: `The first registered owner, as the site lists it. ${OWNER_PRESENCE}` }),
    useCode: z.int().nullable().meta({ description: "Municipal use code." }),
    useDescription: z.string().nullable(),
    ratingCategory: z.string().nullable(),
    marketValue: z.int().nullable().meta({ description: "Market value in whole rand; null where the site shows none." }),
    registeredExtent: z.number().nullable().meta({ description: "Registered extent in square metres." }),
    displayed: DisplayedCellsSchema,
    firstSeenAt: dateTime("When our scraper first saw this row."),
    lastSeenAt: dateTime("When our scraper last saw this row on the site."),
    lastChangedAt: dateTime("When any displayed cell last changed."),
    removedAt: dateTime("Set when a complete scrape no longer found the property on the roll.").nullable(),
    href: z.string().meta({ description: "This property's detail resource." }),
  })
  .meta({
    id: "Valuation",
    description: "One property on one valuation roll (the example is a list row of the default deployment: no owner).",
    examples: [
      {
        roll: "gv2022",
        titleType: "full",
        rateNumber: "96251534",
        pin: "532871",
        suburbId: "22136",
        suburbName: "PINETOWN",
        legalDescription: "Portion 46 of ERF 2867 of PINETOWN",
        erfNumber: "2867",
        portionNumber: "46",
        isRemainder: false,
        township: "PINETOWN",
        isFarm: false,
        schemeName: null,
        sectionNumber: null,
        address: "PINETOWN, PINETOWN",
        streetNumber: null,
        streetName: "PINETOWN",
        locality: "PINETOWN",
        useCode: 50,
        useDescription: "Roads",
        ratingCategory: "PSI",
        marketValue: null,
        registeredExtent: 1374,
        displayed: {
          rateNumber: "96251534",
          legalDescription: "Portion 46 of ERF 2867 of PINETOWN",
          address: "PINETOWN, PINETOWN",
          useCode: "Roads (50)",
          ratingCategory: "PSI",
          marketValue: "",
          registeredExtent: "1,374",
        },
        firstSeenAt: "2026-11-20T01:12:09.114Z",
        lastSeenAt: "2026-11-27T01:40:51.008Z",
        lastChangedAt: "2026-11-20T01:12:09.114Z",
        removedAt: null,
        href: "/api/valuations/96251534?roll=gv2022&title=full",
      },
    ],
  });

export type Valuation = z.infer<typeof ValuationSchema>;

export const ListMetaSchema = z
  .object({
    roll: rollIdSchema,
    asAt: dateTime("When the last successful scrape of this roll finished; null before the first.").nullable(),
  })
  .meta({ id: "ListMeta" });

export const ValuationListSchema = z
  .object({
    data: z.array(ValuationSchema),
    next: z.string().nullable().meta({ description: "The URL of the next page (same query, with `cursor`), or null on the last page." }),
    total: z.int().optional().meta({ description: "Every row matching the filters; only with `total=true`." }),
    meta: ListMetaSchema,
  })
  .meta({ id: "ValuationList", description: "One page of valuations." });

export type ValuationList = z.infer<typeof ValuationListSchema>;
