import { database } from "@/lib/db/client";
import type { RollId, RollOption } from "@/lib/rolls/roll-id";
import { rollOptions, rollRegistry } from "@/lib/rolls/roll-registry";
import { rateNumberPathSchema } from "@/lib/valuations/detail-schema";

// Which property a property page (or its printable summary) is about, from its path and query:
// the rate number, the roll (the registry's default when none or an unknown one is given) and the
// title type when given. Null for a rate number that cannot be one.

export type PropertyPageProps = {
  params: Promise<{ rateNumber: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export type PropertyLookup = { rateNumber: string; roll: RollId; title: "full" | "sectional" | null; defaultRoll: RollId; rolls: RollOption[] };

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? "";

export async function readPropertyLookup({ params, searchParams }: PropertyPageProps): Promise<PropertyLookup | null> {
  const { rateNumber: raw } = await params;
  const query = await searchParams;
  let rateNumber: string;
  try {
    rateNumber = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!rateNumberPathSchema.safeParse(rateNumber).success) return null;
  const registry = await rollRegistry(database());
  const roll = registry.ids.find((id) => id === first(query.roll)) ?? registry.defaultRoll;
  const titleText = first(query.title);
  const title = titleText === "full" || titleText === "sectional" ? titleText : null;
  return { rateNumber, roll, title, defaultRoll: registry.defaultRoll, rolls: rollOptions(registry) };
}
