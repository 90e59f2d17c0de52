// A roll's id as URLs, the API and the database (VARCHAR(8)) carry it: "gv2026". Which ids exist is
// the registry's business (lib/rolls/roll-registry.ts); this is only the form. Safe in the browser.

export const ROLL_ID_PATTERN = /^[a-z][a-z0-9]{1,7}$/;

/** A roll id; its form is checked by rollIdSchema (roll-id-schema.ts, kept apart so pages do not ship zod). */
export type RollId = string;

export const ROLL_ID_MESSAGE = "must be a roll id: a lower-case letter, then 1 to 7 lower-case letters or digits (e.g. gv2026)";

/** The query parameters whose value is a roll: each is checked against the registry (roll-param.ts) and gets its rolls as the enum in OpenAPI. */
export const ROLL_VALUED_PARAMETERS = ["roll", "compare", "against"] as const;

/** What pages and client components need to know about a roll. */
export type RollOption = { id: RollId; label: string };

/** A roll's label, or its id in capitals for a roll the list does not know (e.g. a removed one). */
export function rollLabel(rolls: readonly RollOption[], id: RollId): string {
  return rolls.find((roll) => roll.id === id)?.label ?? id.toUpperCase();
}
