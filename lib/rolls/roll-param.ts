import { z } from "zod";
import type { ParameterError } from "@/lib/api/parse-query";
import { textParam } from "@/lib/api/query-parameters";
import type { RollId } from "./roll-id";
import type { RollRegistry } from "./roll-registry";

// A `roll` parameter against the registry: the query schemas check its form (rollIdSchema), and
// this checks it names a registered roll, with an error that lists the rolls there are.

export function registeredRollSchema(ids: readonly RollId[]) {
  const message = `must be one of: ${ids.join(", ")}`;
  return z.string().refine((id) => ids.includes(id), message);
}

export type ResolvedRoll = { ok: true; roll: RollId } | { ok: false; errors: ParameterError[] };

/** The roll asked for (or the default when none is), if the registry has it. */
export function resolveRoll(requested: string | undefined, registry: RollRegistry): ResolvedRoll {
  if (requested === undefined) return { ok: true, roll: registry.defaultRoll };
  const parsed = registeredRollSchema(registry.ids).safeParse(requested);
  if (parsed.success) return { ok: true, roll: parsed.data };
  return { ok: false, errors: [{ parameter: "roll", message: parsed.error.issues[0]?.message ?? "is not a roll" }] };
}

/** The `roll` query parameter of the public API: any text here; resolveRoll checks it against the registry. */
export const rollQueryParam = textParam({
  maxLength: 20,
  description:
    "The valuation roll (`gv2022`; the rolls this server holds are listed in the served /api/openapi.json). " +
    "Default: the newest roll with a complete scrape, or the server's DEFAULT_ROLL.",
  example: "gv2022",
});
