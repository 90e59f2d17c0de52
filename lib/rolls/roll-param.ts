import { z } from "zod";
import { readInput, type ParameterError, type PathInput, type PathParameters, type PathSchemas } from "@/lib/api/parse-query";
import { invalidParameters } from "@/lib/api/problem";
import { database } from "@/lib/db/client";
import { textParam } from "@/lib/api/query-parameters";
import { ROLL_VALUED_PARAMETERS, type RollId } from "./roll-id";
import { rollRegistry, type RollRegistry } from "./roll-registry";

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

/**
 * The other roll-valued parameters given (`compare`, `against`, a path's `roll`) that name no
 * registered roll, each with the same message as `roll`. One not given is not checked here.
 */
export function unregisteredRolls(values: Record<string, string | undefined>, registry: RollRegistry): ParameterError[] {
  const schema = registeredRollSchema(registry.ids);
  return Object.entries(values).flatMap(([parameter, value]) => {
    if (value === undefined) return [];
    const parsed = schema.safeParse(value);
    return parsed.success ? [] : [{ parameter, message: parsed.error.issues[0]?.message ?? "is not a roll" }];
  });
}

/** The roll-valued query parameters other than `roll`, as given once (a repeated one is parseQuery's to report). */
function otherRollParams(params: URLSearchParams): Record<string, string | undefined> {
  const names = ROLL_VALUED_PARAMETERS.filter((name) => name !== "roll");
  return Object.fromEntries(names.map((name) => [name, params.getAll(name).length === 1 ? params.get(name)! : undefined]));
}

/** The `roll` query parameter of the public API: any text here; resolveRoll checks it against the registry. */
export const rollQueryParam = textParam({
  maxLength: 20,
  description:
    "The valuation roll (`gv2022`; the rolls this server holds are listed in the served /api/openapi.json). " +
    "Default: the newest roll with a complete scrape, or the server's DEFAULT_ROLL.",
  example: "gv2022",
});

/** The `roll` of a query string against the registry (a repeated `roll` is parseQuery's to report). */
export function resolveRollParam(params: URLSearchParams, registry: RollRegistry): ResolvedRoll {
  const values = params.getAll("roll");
  return resolveRoll(values.length === 1 ? values[0] : undefined, registry);
}

/** Every problem with a request once, in the order of the query string (others, such as a path parameter, first). */
export function queryErrors(params: URLSearchParams, ...lists: ParameterError[][]): ParameterError[] {
  const order = [...new Set(params.keys())];
  const errors: ParameterError[] = [];
  for (const error of lists.flat()) if (!errors.some((known) => known.parameter === error.parameter)) errors.push(error);
  return errors.map((error, index) => ({ error, index })).sort((a, b) => order.indexOf(a.error.parameter) - order.indexOf(b.error.parameter) || a.index - b.index).map(({ error }) => error);
}

/**
 * A public endpoint's typed input with its `roll` resolved against the registry (the default when
 * none is asked for) and its other roll parameters (`compare`, `against`) checked there too, or an
 * ApiError (400) naming every bad parameter, the rolls' too.
 */
export async function parseRollInput<S extends z.ZodType<object>, P extends PathSchemas = Record<never, z.ZodType>>(
  schema: S,
  params: URLSearchParams,
  path?: PathParameters<P>,
): Promise<{ input: z.output<S> & PathInput<P>; roll: RollId; registry: RollRegistry }> {
  const registry = await rollRegistry(database());
  const input = readInput(schema, params, path);
  const roll = resolveRollParam(params, registry);
  const others = unregisteredRolls(otherRollParams(params), registry);
  if (!input.ok || !roll.ok || others.length > 0) throw invalidParameters(queryErrors(params, input.ok ? [] : input.errors, roll.ok ? [] : roll.errors, others));
  return { input: input.value, roll: roll.roll, registry };
}
