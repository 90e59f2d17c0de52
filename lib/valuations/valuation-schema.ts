import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import { DISPLAYED_CELLS, type DisplayedCell } from "./displayed-cells";
import {
  API_FIELD_NAMES,
  isPersonal,
  VALUATION_FIELDS,
  type ApiFieldName,
  type FieldType,
  type PersonalFieldName,
  type ValuationField,
} from "./valuation-fields";

// What the API answers for one property on one roll: the typed fields, the parts parsed out of
// the legal description and the address, and the eight cells exactly as the site displays them,
// made from the fields' declaration (valuation-fields.ts). The same schema types the serialiser
// and documents the API (lib/openapi).

const dateTime = (description: string | undefined) => z.string().meta({ format: "date-time", description });

/** Where owner names appear, by the deployment's OWNER_NAMES (lib/owners/owner-policy.ts). */
export const OWNER_PRESENCE =
  "Personal data, so present only where the deployment allows it: in list rows and exports only when the server sets " +
  "OWNER_NAMES=full (the municipality's own deployment); on a property's own detail resource under OWNER_NAMES=property " +
  "(the default) and full; never under OWNER_NAMES=hidden. Null when the owner's name is withheld at their request.";

/** A displayed cell is personal data when its field is (the owner's name). */
type PersonalCell = DisplayedCell & PersonalFieldName;
type CellSchema<C extends DisplayedCell> = C extends PersonalCell ? z.ZodOptional<z.ZodString> : z.ZodString;

function cellSchema<C extends DisplayedCell>(cell: C): CellSchema<C> {
  return (isPersonal(cell) ? z.string().optional().meta({ description: OWNER_PRESENCE }) : z.string()) as CellSchema<C>;
}

export const DisplayedCellsSchema = z
  .object(Object.fromEntries(DISPLAYED_CELLS.map((cell) => [cell, cellSchema(cell)])) as { [C in DisplayedCell]: CellSchema<C> })
  .meta({
    id: "DisplayedCells",
    description: "The eight cells of the site's results table, exactly as displayed (trimmed): the provenance of every typed field.",
  });

// Each field's schema follows from its declaration (valuation-fields.ts): the type, then null
// where the column is nullable, absent where OWNER_NAMES may leave personal data out, and what
// the documentation says about it.
const TYPE_SCHEMAS = {
  roll: () => rollIdSchema,
  title_type: () => z.enum(["full", "sectional"]),
  text: () => z.string(),
  integer: () => z.int(),
  bigint: () => z.int(),
  numeric: () => z.number(),
  boolean: () => z.boolean(),
  timestamptz: () => z.string(),
  displayed: () => DisplayedCellsSchema,
} satisfies Record<Exclude<FieldType, "json">, () => z.ZodType>;

type Field<N extends ApiFieldName> = (typeof VALUATION_FIELDS)[N];
type TypeSchema<N extends ApiFieldName> = ReturnType<(typeof TYPE_SCHEMAS)[Field<N>["type"]]>;
type NullableSchema<N extends ApiFieldName> = Field<N>["nullable"] extends true ? z.ZodNullable<TypeSchema<N>> : TypeSchema<N>;
type FieldSchema<N extends ApiFieldName> = N extends PersonalFieldName ? z.ZodOptional<NullableSchema<N>> : NullableSchema<N>;

function fieldSchema<N extends ApiFieldName>(name: N): FieldSchema<N> {
  const field: ValuationField = VALUATION_FIELDS[name];
  const description = field.api?.description;
  if (field.type === "json") throw new Error(`${name}: a jsonb field has no schema of its own`);
  if (field.type === "timestamptz") {
    const timestamp = dateTime(description);
    return (field.nullable ? timestamp.nullable() : timestamp) as FieldSchema<N>;
  }
  let schema: z.ZodType = TYPE_SCHEMAS[field.type]();
  if (field.nullable) schema = schema.nullable();
  if (field.personal) schema = schema.optional();
  const documented = field.personal ? `${description} ${OWNER_PRESENCE}` : description;
  return (documented === undefined ? schema : schema.meta({ description: documented })) as FieldSchema<N>;
}

const fieldSchemas = Object.fromEntries(API_FIELD_NAMES.map((name) => [name, fieldSchema(name)])) as { [N in ApiFieldName]: FieldSchema<N> };

export const ValuationSchema = z
  .object({
    ...fieldSchemas,
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
