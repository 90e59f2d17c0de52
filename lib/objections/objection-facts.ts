import { z } from "zod";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";
import type { Database } from "@/lib/db/client";
import { OBJECTION_FACT_KEYS, type ObjectionFactKey } from "./objection-fact-keys";

// The facts a resident needs to object to a roll's values, as admins entered them, each with its
// source. Nothing here is ever guessed: a fact not entered is shown as not known.

const DATE_KEYS: ReadonlySet<ObjectionFactKey> = new Set(["period-opens", "period-closes"]);

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export const objectionFactInputSchema = z
  .strictObject({
    roll: rollIdSchema,
    key: z.enum(OBJECTION_FACT_KEYS),
    value: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
    source: z
      .string()
      .trim()
      .min(5, "say where this comes from: a web address or a document (e.g. the municipality's notice of 20 February 2026)")
      .max(500, "must be at most 500 characters"),
  })
  .superRefine((fact, ctx) => {
    if (DATE_KEYS.has(fact.key) && !isCalendarDate(fact.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "must be a date as YYYY-MM-DD (e.g. 2026-03-31)" });
    }
  });

export const objectionFactKeySchema = z.strictObject({ roll: rollIdSchema, key: z.enum(OBJECTION_FACT_KEYS) });

export type ObjectionFactInput = z.output<typeof objectionFactInputSchema>;
export type ObjectionFact = ObjectionFactInput & { updatedBy: string; updatedAt: Date };

export async function listObjectionFacts(db: Database, roll?: string): Promise<ObjectionFact[]> {
  const rows = await db.prisma.objectionFact.findMany({ where: roll === undefined ? {} : { roll }, orderBy: [{ roll: "desc" }, { key: "asc" }] });
  return rows
    .filter((row) => (OBJECTION_FACT_KEYS as readonly string[]).includes(row.key))
    .map((row) => ({ ...row, key: row.key as ObjectionFactKey }));
}

export async function saveObjectionFact(db: Database, fact: ObjectionFactInput, updatedBy: string): Promise<ObjectionFact> {
  const { roll, key, value, source } = fact;
  const saved = await db.prisma.objectionFact.upsert({
    where: { roll_key: { roll, key } },
    create: { roll, key, value, source, updatedBy },
    update: { value, source, updatedBy, updatedAt: new Date() },
  });
  return { ...saved, roll, key };
}

export async function removeObjectionFact(db: Database, roll: string, key: string): Promise<boolean> {
  const { count } = await db.prisma.objectionFact.deleteMany({ where: { roll, key } });
  return count > 0;
}

/** The period's state on a day: never guessed from a missing date. */
export function objectionPeriodState(facts: Pick<ObjectionFact, "key" | "value">[], today: string): "open" | "not-yet-open" | "closed" | "unknown" {
  const opens = facts.find((fact) => fact.key === "period-opens")?.value;
  const closes = facts.find((fact) => fact.key === "period-closes")?.value;
  if (closes !== undefined && today > closes) return "closed";
  if (opens !== undefined && today < opens) return "not-yet-open";
  if (opens !== undefined && closes !== undefined) return "open";
  return "unknown";
}
