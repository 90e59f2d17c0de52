import type { z } from "zod";
import { invalidParameters } from "./problem";

// Turns a URL's query string into the typed input of an endpoint, or the list of what is wrong
// with it: every bad, unknown or repeated parameter, by name.

export type ParameterError = { parameter: string; message: string };
export type ParsedQuery<T> = { ok: true; value: T } | { ok: false; errors: ParameterError[] };

export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): ParsedQuery<z.output<S>> {
  const values: Record<string, string> = {};
  const errors: ParameterError[] = [];
  for (const [name, value] of params) {
    if (Object.hasOwn(values, name)) {
      if (!errors.some((error) => error.parameter === name)) errors.push({ parameter: name, message: "is given more than once" });
      continue;
    }
    values[name] = value;
  }
  const result = schema.safeParse(values);
  if (result.success && errors.length === 0) return { ok: true, value: result.data };
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const error of describeIssue(issue, values)) {
        if (!errors.some((known) => known.parameter === error.parameter)) errors.push(error);
      }
    }
  }
  return { ok: false, errors };
}

export type PathSchemas = Record<string, z.ZodType>;
export type PathInput<P extends PathSchemas> = { [K in keyof P]: z.output<P[K]> };

export type PathParameters<P extends PathSchemas> = { schemas: P; values: Record<string, string> };

/** An endpoint's typed input (path parameters and query), or every bad parameter, path parameters first. */
export function readInput<S extends z.ZodType<object>, P extends PathSchemas = Record<never, z.ZodType>>(
  schema: S,
  params: URLSearchParams,
  path?: PathParameters<P>,
): ParsedQuery<z.output<S> & PathInput<P>> {
  const pathValues: Record<string, unknown> = {};
  const errors: ParameterError[] = [];
  for (const [name, pathSchema] of Object.entries(path?.schemas ?? {})) {
    const parsed = pathSchema.safeParse(path?.values[name]);
    if (parsed.success) pathValues[name] = parsed.data;
    else errors.push({ parameter: name, message: parsed.error.issues[0]?.message ?? "is not valid" });
  }
  const query = parseQuery(schema, params);
  if (!query.ok) errors.push(...query.errors);
  if (!query.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...query.value, ...pathValues } as z.output<S> & PathInput<P> };
}

/** readInput, or an ApiError (400) naming every bad parameter. */
export function parseInput<S extends z.ZodType<object>, P extends PathSchemas = Record<never, z.ZodType>>(
  schema: S,
  params: URLSearchParams,
  path?: PathParameters<P>,
): z.output<S> & PathInput<P> {
  const input = readInput(schema, params, path);
  if (!input.ok) throw invalidParameters(input.errors);
  return input.value;
}

function describeIssue(issue: z.core.$ZodIssue, values: Record<string, string>): ParameterError[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ parameter: key, message: "is not a parameter of this endpoint" }));
  }
  const parameter = issue.path.length > 0 ? String(issue.path[0]) : "query";
  if (issue.code === "invalid_type" && !Object.hasOwn(values, parameter)) return [{ parameter, message: "is required" }];
  return [{ parameter, message: issue.message }];
}

/** Every query parameter is optional: the shape's schemas made so, for a strict object. */
export function optionalShape<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([name, schema]) => [name, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
}
